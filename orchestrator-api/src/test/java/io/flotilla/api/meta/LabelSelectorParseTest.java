package io.flotilla.api.meta;

import static io.flotilla.api.meta.LabelSelectorRequirement.doesNotExist;
import static io.flotilla.api.meta.LabelSelectorRequirement.exists;
import static io.flotilla.api.meta.LabelSelectorRequirement.in;
import static io.flotilla.api.meta.LabelSelectorRequirement.notIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorParseTest {

    static Stream<Arguments> parsed() {
        return Stream.of(
                Arguments.of("", LabelSelector.everything()),
                Arguments.of("   ", LabelSelector.everything()),
                Arguments.of("app=web", LabelSelector.matchLabel("app", "web")),
                Arguments.of("app==web", LabelSelector.matchLabel("app", "web")),
                Arguments.of(" app = web ", LabelSelector.matchLabel("app", "web")),
                Arguments.of("app=", LabelSelector.matchLabel("app", "")),
                Arguments.of("app=,tier=db", LabelSelector.of(Map.of("app", "", "tier", "db"))),
                Arguments.of("tier!=db", sel(notIn("tier", "db"))),
                Arguments.of("tier!=", sel(notIn("tier", ""))),
                Arguments.of("env in (a,b)", sel(in("env", "a", "b"))),
                Arguments.of("env in(b, a ,a)", sel(in("env", "a", "b"))),
                Arguments.of("env notin (c)", sel(notIn("env", "c"))),
                Arguments.of("env in ()", sel(in("env", ""))),
                Arguments.of("env in (,a)", sel(in("env", "", "a"))),
                Arguments.of("env in (a,)", sel(in("env", "", "a"))),
                Arguments.of("env in (a,,b)", sel(in("env", "", "a", "b"))),
                Arguments.of("env in (in,notin)", sel(in("env", "in", "notin"))),
                Arguments.of("env=in", LabelSelector.matchLabel("env", "in")),
                Arguments.of("in=notin", LabelSelector.matchLabel("in", "notin")),
                Arguments.of("notin", sel(exists("notin"))),
                Arguments.of("in in (in),!notin,notin notin (x)", sel(in("in", "in"), doesNotExist("notin"),
                        notIn("notin", "x"))),
                Arguments.of("release", sel(exists("release"))),
                Arguments.of("!canary", sel(doesNotExist("canary"))),
                Arguments.of("! canary", sel(doesNotExist("canary"))),
                Arguments.of("example.com/app=web-1.2_x", LabelSelector.matchLabel("example.com/app", "web-1.2_x")),
                Arguments.of("app=web,app=api", new LabelSelector(Map.of("app", "web"), List.of(in("app", "api")))),
                Arguments.of("app=web,tier!=db,env in (a,b),env notin (c),release,!canary",
                        new LabelSelector(Map.of("app", "web"), List.of(notIn("tier", "db"), in("env", "a", "b"),
                                notIn("env", "c"), exists("release"), doesNotExist("canary")))),
                Arguments.of("a\tin\n(x)\r,b", sel(in("a", "x"), exists("b"))));
    }

    private static LabelSelector sel(LabelSelectorRequirement... requirements) {
        return new LabelSelector(null, List.of(requirements));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("parsed")
    void parsesKubernetesSyntax(String text, LabelSelector expected) {
        LabelSelector selector = LabelSelector.parse(text);

        assertThat(selector).isEqualTo(expected);
        assertThat(LabelSelector.parse(selector.toString())).isEqualTo(selector);
    }

    @Test
    void printsTheCanonicalFormOfWhatItParsed() {
        assertThat(LabelSelector.parse("tier != db , app==web,!canary, env in (b,a), release"))
                .hasToString("app=web,!canary,env in (a,b),release,tier notin (db)");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            a b          | 3  | found 'b', expected '=', '==', '!=', 'in', 'notin', ',' or the end of the selector
            in (a        | 4  | found '(', expected '=', '==', '!=', 'in', 'notin', ',' or the end of the selector
            a in (x      | 8  | found the end of the selector, expected ',' or ')'
            a in (x y)   | 9  | found 'y', expected ',' or ')'
            a in x       | 6  | found 'x', expected '(' to start the list of values
            a in         | 5  | found the end of the selector, expected '(' to start the list of values
            a in (=)     | 7  | found '=', expected a label value, ',' or ')'
            a=b=c        | 4  | found '=', expected ',' or the end of the selector
            a=(b)        | 3  | found '(', expected a label value, ',' or the end of the selector
            !a=b         | 3  | found '=', expected ',' or the end of the selector after '!a'
            !!a          | 2  | found '!', expected a label key after '!'
            a,           | 3  | found the end of the selector, expected a label key or '!'
            ',a'         | 1  | found ',', expected a label key or '!'
            'a,,b'       | 3  | found ',', expected a label key or '!'
            a>1          | 2  | found '>', expected '=', '==', '!=', 'in' or 'notin' ('>' and '<' are for node selectors
            a<1          | 2  | found '<', expected '=', '==', '!=', 'in' or 'notin'
            =a           | 1  | found '=', expected a label key or '!'
            a notin      | 8  | found the end of the selector, expected '(' to start the list of values
            a)           | 2  | found ')', expected '=', '==', '!=', 'in', 'notin', ',' or the end of the selector
            """)
    void rejectsBadSyntaxNamingThePositionAndWhatWasExpected(String text, int position, String message) {
        assertThatThrownBy(() -> LabelSelector.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid label selector \"" + text + "\": at position " + position + ": "
                        + message);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Bad Key!=x         | 5 | found 'Key'
            -app=x             | 1 | invalid label key '-app': name part must consist of alphanumeric characters
            app-=x             | 1 | invalid label key 'app-'
            Example.com/a=x    | 1 | invalid label key 'Example.com/a': prefix part a lowercase RFC 1123 subdomain
            /a=x               | 1 | invalid label key '/a': prefix part must be non-empty
            a/=x               | 1 | invalid label key 'a/': name part must be non-empty
            app=web/x          | 5 | invalid label value 'web/x': a valid label must be an empty string or consist
            app=-web           | 5 | invalid label value '-web'
            'env in (a,-b)'    | 11 | invalid label value '-b'
            !-x                | 2 | invalid label key '-x'
            """)
    void rejectsInvalidKeysAndValuesWithTheLabelRules(String text, int position, String message) {
        assertThatThrownBy(() -> LabelSelector.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid label selector \"" + text + "\": at position " + position + ": "
                        + message);
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64})
    void labelValuesAreAtMost63Characters(int length) {
        String text = "a=" + "v".repeat(length);
        if (length <= 63) {
            assertThat(LabelSelector.parse(text).matchLabels()).containsEntry("a", "v".repeat(length));
        } else {
            assertThatThrownBy(() -> LabelSelector.parse(text)).hasMessageContaining("must be no more than 63");
        }
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> LabelSelector.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
