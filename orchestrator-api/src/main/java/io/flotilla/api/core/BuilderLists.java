package io.flotilla.api.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** List edits shared by the fluent builders of this package: replace the element with the same key, or append. */
final class BuilderLists {
    private BuilderLists() {
    }

    /** {@code list} with {@code element} replacing the first element of the same key, or appended. */
    static <T> List<T> upsert(List<T> list, T element, Function<T, ?> key) {
        Objects.requireNonNull(element, "element");
        List<T> copy = new ArrayList<>(list);
        Object k = key.apply(element);
        for (int i = 0; i < copy.size(); i++) {
            if (k != null && k.equals(key.apply(copy.get(i)))) {
                copy.set(i, element);
                return List.copyOf(copy);
            }
        }
        copy.add(element);
        return List.copyOf(copy);
    }
}
