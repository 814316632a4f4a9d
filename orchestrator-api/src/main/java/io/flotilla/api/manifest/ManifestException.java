package io.flotilla.api.manifest;

import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.InvalidResourceException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A manifest that could not be loaded, with every problem of every document: syntax errors, unknown kinds,
 * unknown fields, wrong types and invalid values. Nothing is loaded when this is thrown.
 */
public final class ManifestException extends IllegalArgumentException {
    private final transient List<InvalidResourceException> documents;

    ManifestException(String source, List<InvalidResourceException> documents) {
        super(source + ": " + documents.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")));
        this.documents = List.copyOf(documents);
    }

    /** One entry per bad document, each naming the document and listing its field errors. */
    public List<InvalidResourceException> documents() {
        return documents;
    }

    /** Every field error of every document. */
    public List<FieldError> errors() {
        return documents.stream().flatMap(d -> d.errors().stream()).toList();
    }

    /** The printed field paths of every error, convenient for assertions. */
    public List<String> paths() {
        return documents.stream().flatMap(d -> d.paths().stream()).toList();
    }
}
