package io.flotilla.core.client.events;

import java.util.IllegalFormatException;

/**
 * Formats an event's message as {@link String#format} would, at most 1,024 characters (longer ones end in
 * {@code ...}); a pattern that does not fit its arguments is used as is. The {@code %s}/{@code %d} patterns events
 * use are substituted directly, without the cost of a {@link java.util.Formatter}: a few events per pod, formatted in
 * the recording components' own threads. Stateless; thread-safe.
 */
final class EventMessage {
    private static final int MAX_MESSAGE = 1024;

    private EventMessage() {
    }

    /** The message of {@code messageFormat} (may be null: empty) with {@code args}. */
    static String format(String messageFormat, Object... args) {
        String message;
        if (messageFormat == null) {
            message = "";
        } else if (args == null || args.length == 0) {
            message = messageFormat;
        } else {
            message = substitute(messageFormat, args);
            if (message == null) {
                try {
                    message = String.format(messageFormat, args);
                } catch (IllegalFormatException e) {
                    message = messageFormat;
                }
            }
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 3) + "...";
    }

    /**
     * {@link String#format} for the patterns events use, {@code %s}, {@code %d} and {@code %%} with as many
     * arguments as placeholders, without the cost of a {@link java.util.Formatter} (a few events per pod, in the
     * components' own threads); {@code null} for anything else, which goes to {@link String#format}.
     */
    private static String substitute(String pattern, Object[] args) {
        StringBuilder out = new StringBuilder(pattern.length() + 16 * args.length);
        int next = 0;
        for (int i = 0, n = pattern.length(); i < n; i++) {
            char c = pattern.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            char conversion = i + 1 < n ? pattern.charAt(i + 1) : 0;
            if (conversion == '%') {
                out.append('%');
            } else if ((conversion == 's' || conversion == 'd') && next < args.length
                    && (conversion == 's' || args[next] instanceof Integer || args[next] instanceof Long)) {
                out.append(args[next++]);
            } else {
                return null;
            }
            i++;
        }
        return next == args.length ? out.toString() : null;
    }
}
