package io.flotilla.core.controllers.job;

import java.util.BitSet;

/**
 * Kubernetes' compressed list of completion indexes ({@code status.completedIndexes}): ascending, each run of
 * consecutive indexes written as {@code first-last}, e.g. {@code 1,3-5,7}. Stateless.
 */
final class Indexes {
    private Indexes() {
    }

    /** Parses the text form; {@code null}, empty or malformed parts give nothing. */
    static BitSet parse(String text) {
        BitSet out = new BitSet();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            try {
                int dash = part.indexOf('-');
                if (dash < 0) {
                    out.set(Integer.parseInt(part.trim()));
                } else {
                    out.set(Integer.parseInt(part.substring(0, dash).trim()),
                            Integer.parseInt(part.substring(dash + 1).trim()) + 1);
                }
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                // ignore the malformed part
            }
        }
        return out;
    }

    /** The text form of {@code indexes}; {@code null} when there are none (the field is then omitted). */
    static String format(BitSet indexes) {
        StringBuilder out = new StringBuilder();
        int i = indexes.nextSetBit(0);
        while (i >= 0) {
            int end = indexes.nextClearBit(i) - 1;
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(i);
            if (end > i) {
                out.append('-').append(end);
            }
            i = indexes.nextSetBit(end + 1);
        }
        return out.isEmpty() ? null : out.toString();
    }
}
