package io.flotilla.api.meta;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads Kubernetes' label selector syntax (k8s.io/apimachinery {@code labels.Parse}):
 * <pre>
 * selector    ::= requirement ("," requirement)*
 * requirement ::= "!" KEY | KEY | KEY ("=" | "==" | "!=") VALUE? | KEY ("in" | "notin") "(" VALUE? ("," VALUE?)* ")"
 * </pre>
 * Whitespace between tokens is ignored; a word is a run of characters other than whitespace and {@code =!(),<>};
 * {@code in} and {@code notin} are keywords where an operator is expected and ordinary words elsewhere. (Kubernetes
 * also refuses them as keys, so selectors on the valid label keys {@code in} and {@code notin} could not be written;
 * here every valid selector prints in a form that parses back.) A missing value is the empty string, as in
 * Kubernetes. One instance parses one string; not thread-safe.
 */
final class LabelSelectorParser {
    private enum Kind {
        WORD, NOT, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER, LESS, OPEN, CLOSE, COMMA, IN, NOT_IN, END
    }

    private record Token(Kind kind, String text, int position) {
    }

    private final String text;
    private int position;
    private Token peeked;

    LabelSelectorParser(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    LabelSelector parse() {
        if (text.isBlank()) {
            return LabelSelector.everything();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        List<LabelSelectorRequirement> expressions = new ArrayList<>();
        while (true) {
            requirement(labels, expressions);
            Token t = next();
            if (t.kind == Kind.END) {
                return new LabelSelector(labels, expressions);
            }
            if (t.kind != Kind.COMMA) {
                throw error(t, "',' or the end of the selector");
            }
        }
    }

    private void requirement(Map<String, String> labels, List<LabelSelectorRequirement> expressions) {
        Token t = next();
        boolean absent = t.kind == Kind.NOT;
        if (absent) {
            t = next();
        }
        t = asWord(t);
        if (t.kind != Kind.WORD) {
            throw error(t, absent ? "a label key after '!'" : "a label key or '!'");
        }
        String key = checked(t, true);
        Token op = peek();
        if (op.kind == Kind.END || op.kind == Kind.COMMA) {
            expressions.add(absent ? LabelSelectorRequirement.doesNotExist(key) : LabelSelectorRequirement.exists(key));
            return;
        }
        if (absent) {
            throw error(op, "',' or the end of the selector after '!" + key + "'");
        }
        next();
        switch (op.kind) {
            case EQUALS, DOUBLE_EQUALS -> {
                String value = exactValue();
                if (labels.containsKey(key)) {
                    expressions.add(LabelSelectorRequirement.in(key, value));
                } else {
                    labels.put(key, value);
                }
            }
            case NOT_EQUALS -> expressions.add(LabelSelectorRequirement.notIn(key, exactValue()));
            case IN -> expressions.add(new LabelSelectorRequirement(key, LabelSelectorRequirement.IN, valueSet()));
            case NOT_IN ->
                    expressions.add(new LabelSelectorRequirement(key, LabelSelectorRequirement.NOT_IN, valueSet()));
            case GREATER, LESS -> throw error(op, "'=', '==', '!=', 'in' or 'notin' ('>' and '<' are for node "
                    + "selectors, not label selectors)");
            default -> throw error(op, "'=', '==', '!=', 'in', 'notin', ',' or the end of the selector");
        }
    }

    private String exactValue() {
        Token t = asWord(peek());
        if (t.kind == Kind.END || t.kind == Kind.COMMA) {
            return "";
        }
        next();
        if (t.kind != Kind.WORD) {
            throw error(t, "a label value, ',' or the end of the selector");
        }
        return checked(t, false);
    }

    private List<String> valueSet() {
        Token open = next();
        if (open.kind != Kind.OPEN) {
            throw error(open, "'(' to start the list of values");
        }
        TreeSet<String> values = new TreeSet<>();
        while (true) {
            Token t = asWord(next());
            boolean word = t.kind == Kind.WORD;
            values.add(word ? checked(t, false) : "");
            if (word) {
                t = next();
            }
            if (t.kind == Kind.CLOSE) {
                return List.copyOf(values);
            }
            if (t.kind != Kind.COMMA) {
                throw error(t, word ? "',' or ')'" : "a label value, ',' or ')'");
            }
        }
    }

    /** The word of {@code t}, which must be a valid label key or value. */
    private String checked(Token t, boolean key) {
        ValidationErrors problems = new ValidationErrors();
        boolean ok = key ? Checks.qualifiedName(t.text, FieldPath.root(), problems)
                : Checks.labelValue(t.text, FieldPath.root(), problems);
        if (!ok) {
            throw new IllegalArgumentException(prefix(t) + "invalid label " + (key ? "key" : "value") + " '" + t.text
                    + "': " + problems.list().get(0).detail());
        }
        return t.text;
    }

    private static Token asWord(Token t) {
        return t.kind == Kind.IN || t.kind == Kind.NOT_IN ? new Token(Kind.WORD, t.text, t.position) : t;
    }

    private IllegalArgumentException error(Token found, String expected) {
        String what = found.kind == Kind.END ? "the end of the selector" : "'" + found.text + "'";
        return new IllegalArgumentException(prefix(found) + "found " + what + ", expected " + expected);
    }

    private String prefix(Token at) {
        return "invalid label selector \"" + text + "\": at position " + (at.position + 1) + ": ";
    }

    private Token peek() {
        if (peeked == null) {
            peeked = lex();
        }
        return peeked;
    }

    private Token next() {
        Token t = peek();
        peeked = null;
        return t;
    }

    private Token lex() {
        while (position < text.length() && isSpace(text.charAt(position))) {
            position++;
        }
        int start = position;
        if (start >= text.length()) {
            return new Token(Kind.END, "", start);
        }
        char c = text.charAt(start);
        boolean equalsFollows = start + 1 < text.length() && text.charAt(start + 1) == '=';
        Kind symbol = switch (c) {
            case '=' -> equalsFollows ? Kind.DOUBLE_EQUALS : Kind.EQUALS;
            case '!' -> equalsFollows ? Kind.NOT_EQUALS : Kind.NOT;
            case '(' -> Kind.OPEN;
            case ')' -> Kind.CLOSE;
            case ',' -> Kind.COMMA;
            case '>' -> Kind.GREATER;
            case '<' -> Kind.LESS;
            default -> null;
        };
        if (symbol != null) {
            position += symbol == Kind.DOUBLE_EQUALS || symbol == Kind.NOT_EQUALS ? 2 : 1;
            return new Token(symbol, text.substring(start, position), start);
        }
        while (position < text.length() && !isSpace(text.charAt(position)) && !isSymbol(text.charAt(position))) {
            position++;
        }
        String word = text.substring(start, position);
        Kind kind = switch (word) {
            case "in" -> Kind.IN;
            case "notin" -> Kind.NOT_IN;
            default -> Kind.WORD;
        };
        return new Token(kind, word, start);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isSymbol(char c) {
        return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
    }
}
