package io.flotilla.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written matchers agree with the regular expressions they replaced, on edge cases and random strings. */
class SyntaxTest {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern NAME_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final String ALPHABET = "az09AZ-._/é \n";

    @Test
    void edgeCases() {
        for (String s : new String[] {"", "a", "-", ".", "a.", ".a", "a..b", "a-b", "a--b", "-a", "a-", "A", "a.b-c.d",
                "0", "_", "a_b", "a.B", "my-name.example.com", "x.-y", "x-.y"}) {
            assertSame(s);
        }
    }

    @Test
    void randomStrings() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(7);
            for (int j = 0; j < length; j++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertSame(s.toString());
        }
    }

    private static void assertSame(String s) {
        assertThat(Syntax.isDns1123Label(s, 0, s.length())).as("label %s", s).isEqualTo(LABEL.matcher(s).matches());
        assertThat(Syntax.isDns1123Subdomain(s)).as("subdomain %s", s).isEqualTo(SUBDOMAIN.matcher(s).matches());
        assertThat(Syntax.isQualifiedNamePart(s)).as("name part %s", s).isEqualTo(NAME_PART.matcher(s).matches());
    }
}
