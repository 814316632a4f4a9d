package io.flotilla.api.validation;

/**
 * Hand-written matchers for the name syntaxes {@link Checks} tests on every write, each equal to the regular
 * expression in its Javadoc (ASCII only, as Kubernetes'). Every object write checks a dozen names; the regular
 * expressions had been a fifth of the CPU of a Pod update. Stateless and thread-safe.
 */
final class Syntax {
    private Syntax() {
    }

    /** {@code value[from, to)} matches {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}. */
    static boolean isDns1123Label(String value, int from, int to) {
        if (from >= to || !isLowerAlnum(value.charAt(from)) || !isLowerAlnum(value.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = value.charAt(i);
            if (c != '-' && !isLowerAlnum(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} matches {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*}. */
    static boolean isDns1123Subdomain(String value) {
        int start = 0;
        while (true) {
            int dot = value.indexOf('.', start);
            int end = dot < 0 ? value.length() : dot;
            if (!isDns1123Label(value, start, end)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    /** {@code value} matches {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}. */
    static boolean isQualifiedNamePart(String value) {
        int n = value.length();
        if (n == 0 || !isAlnum(value.charAt(0)) || !isAlnum(value.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = value.charAt(i);
            if (c != '-' && c != '_' && c != '.' && !isAlnum(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isAlnum(char c) {
        return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
    }
}
