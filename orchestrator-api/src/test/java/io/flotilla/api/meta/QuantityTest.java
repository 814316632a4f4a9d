package io.flotilla.api.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.flotilla.api.manifest.ManifestException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    /** Input, canonical form (Kubernetes' String()), exact value. */
    @ParameterizedTest(name = "{0} prints {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0             | 0                   | 0
            250m          | 250m                | 0.25
            1.5           | 1500m               | 1.5
            64Mi          | 64Mi                | 67108864
            1G            | 1G                  | 1000000000
            0.1           | 100m                | 0.1
            +1            | 1                   | 1
            -1            | -1                  | -1
            .5            | 500m                | 0.5
            5.            | 5                   | 5
            007           | 7                   | 7
            1e3           | 1e3                 | 1000
            1E3           | 1e3                 | 1000
            1e+3          | 1e3                 | 1000
            1e03          | 1e3                 | 1000
            1.5E-2        | 15e-3               | 0.015
            12e6          | 12e6                | 12000000
            1.5e3         | 1500                | 1500
            1e0           | 1                   | 1
            1e-20         | 1e-9                | 0.000000001
            1000          | 1k                  | 1000
            1500          | 1500                | 1500
            -1500         | -1500               | -1500
            2000m         | 2                   | 2
            1000m         | 1                   | 1
            1k            | 1k                  | 1000
            1n            | 1n                  | 0.000000001
            1u            | 1u                  | 0.000001
            1T            | 1T                  | 1000000000000
            1P            | 1P                  | 1000000000000000
            1E            | 1E                  | 1000000000000000000
            1Ti           | 1Ti                 | 1099511627776
            1Pi           | 1Pi                 | 1125899906842624
            1Ei           | 1Ei                 | 1152921504606846976
            1000k         | 1M                  | 1000000
            1000E         | 1e21                | 1000000000000000000000
            1.2345        | 1234500u            | 1.2345
            0.1n          | 1n                  | 0.000000001
            1.0000000001  | 1000000001n         | 1.000000001
            -0.0000000001 | -1n                 | -0.000000001
            1Ki           | 1Ki                 | 1024
            1024Mi        | 1Gi                 | 1073741824
            1536Mi        | 1536Mi              | 1610612736
            1.5Gi         | 1536Mi              | 1610612736
            0.5Gi         | 512Mi               | 536870912
            1023Ki        | 1023Ki              | 1047552
            1048576Ki     | 1Gi                 | 1073741824
            -1Ki          | -1Ki                | -1024
            1.1Ki         | 1126400m            | 1126.4
            0.5Ki         | 512                 | 512
            0.5Mi         | 512Ki               | 524288
            0Mi           | 0                   | 0
            8Ei           | 9223372036854775807 | 9223372036854775807
            -8Ei          | -9223372036854775807 | -9223372036854775807
            7Ei           | 7Ei                 | 8070450532247928832
            """)
    void parsesAndPrintsCanonically(String input, String canonical, String value) {
        Quantity q = Quantity.parse(input);

        assertThat(q.toString()).isEqualTo(canonical);
        assertThat(q.value()).isEqualByComparingTo(value);
        assertThat(Quantity.isValid(input)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not a quantity")
    @ValueSource(strings = {"", "1.2.3", "Mi", "1 Mi", "--1", "1KB", "+", "-", ".", "+.", "e3", " 1", "1 ", "1,5",
        "0x10", "1_000", "∞", "NaN", "1..0", "1e3e", "1KI", "1Mi "})
    void rejectsWhatDoesNotMatchTheGrammar(String input) {
        assertThatThrownBy(() -> Quantity.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid quantity \"" + input + "\": quantities must match the regular expression "
                        + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (such as 250m, 1.5, 64Mi, 1G or 1e3)");
        assertThat(Quantity.isValid(input)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" has an unknown suffix")
    @ValueSource(strings = {"1mi", "1e", "1K", "1ki", "1e+", "1e-", "1Ee3", "1ee3", "1Mii", "1mM", "1i", "1in", "1M3",
        "1kk", "1Gi3"})
    void rejectsUnknownSuffixes(String input) {
        String suffix = input.substring(1);
        assertThatThrownBy(() -> Quantity.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid quantity \"" + input + "\": unable to parse quantity's suffix '"
                        + suffix + "'")
                .hasMessageContaining("Ki, Mi, Gi");
        assertThat(Quantity.isValid(input)).isFalse();
    }

    @Test
    void refusesValuesOfAThousandDigitsButAcceptsTinyOnes() {
        assertThat(Quantity.parse("9e999").toString()).isEqualTo("9e999");
        assertThatThrownBy(() -> Quantity.parse("1e1000")).hasMessageContaining("smaller than 1e1000");
        assertThatThrownBy(() -> Quantity.parse("1e99999999999999999999")).hasMessageContaining("smaller than 1e1000");
        assertThat(Quantity.parse("1e-99999999999999999999")).isEqualTo(Quantity.parse("1n"));
        assertThat(Quantity.parse("0e99999999999999999999")).isEqualTo(Quantity.ZERO);
    }

    @Test
    void nullIsRejectedWithANullPointerException() {
        assertThatThrownBy(() -> Quantity.parse(null)).isInstanceOf(NullPointerException.class);
        assertThat(Quantity.isValid(null)).isFalse();
    }

    @ParameterizedTest(name = "{0} round-trips")
    @ValueSource(strings = {"0", "1", "-1", "250m", "1.5", "1.2345", "0.1n", "64Mi", "1.5Gi", "1.1Ki", "0.5Ki", "8Ei",
        "-8Ei", "1e3", "1.5E-2", "1e-20", "1000E", "9e999", "123456789012345678901234567890", "999999999999n"})
    void parsingThePrintedFormGivesAnEqualQuantityThatPrintsTheSame(String input) {
        Quantity q = Quantity.parse(input);
        Quantity again = Quantity.parse(q.toString());

        assertThat(again).isEqualTo(q).hasSameHashCodeAs(q);
        assertThat(again.toString()).isEqualTo(q.toString());
    }

    @Test
    void roundTripsEveryCombinationOfManyNumbersAndSuffixes() {
        String[] numbers = {"0", "1", "3", "7.5", ".25", "1023", "1024", "1025", "999.999", "0.000001", "12345.6789",
            "-2", "-0.5", "4096", "1e1"};
        String[] suffixes = {"", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "e-9",
            "e-4", "e2", "e7", "E18", "e30"};
        List<String> failures = new ArrayList<>();
        for (String number : numbers) {
            for (String suffix : suffixes) {
                String text = number + suffix;
                if (!Quantity.isValid(text)) {
                    continue;
                }
                Quantity q = Quantity.parse(text);
                if (!Quantity.parse(q.toString()).equals(q)) {
                    failures.add(text + " -> " + q);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void equalityIsNumericAcrossFormats() {
        assertThat(Quantity.parse("1Gi")).isEqualTo(Quantity.parse("1073741824"))
                .hasSameHashCodeAs(Quantity.parse("1073741824"));
        assertThat(Quantity.parse("1k")).isEqualTo(Quantity.parse("1e3")).isEqualTo(Quantity.parse("1000000m"))
                .hasSameHashCodeAs(Quantity.parse("1e3"));
        assertThat(Quantity.parse("0Mi")).isEqualTo(Quantity.ZERO).isEqualTo(Quantity.parse("-0.0"));
        assertThat(Quantity.parse("1Gi").toString()).isNotEqualTo(Quantity.parse("1073741824").toString());
        assertThat(Quantity.parse("1G")).isNotEqualTo(Quantity.parse("1Gi")).isNotEqualTo("1G");
    }

    @Test
    void comparesByValue() {
        List<Quantity> sorted = new ArrayList<>(List.of(Quantity.parse("1Gi"), Quantity.parse("1G"),
                Quantity.parse("-1"), Quantity.parse("500m"), Quantity.parse("1e3"), Quantity.parse("1n")));
        sorted.sort(null);

        assertThat(sorted).extracting(Quantity::toString).containsExactly("-1", "1n", "500m", "1e3", "1G", "1Gi");
        assertThat(Quantity.parse("1k").compareTo(Quantity.parse("1e3"))).isZero();
    }

    @ParameterizedTest(name = "{0}: long {1}, milli {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0        | 0                    | 0
            1        | 1                    | 1000
            250m     | 1                    | 250
            1500m    | 2                    | 1500
            -1500m   | -2                   | -1500
            0.1      | 1                    | 100
            1n       | 1                    | 1
            -1n      | -1                   | -1
            1.0001   | 2                    | 1001
            64Mi     | 67108864             | 67108864000
            8Ei      | 9223372036854775807  | 9223372036854775807
            -8Ei     | -9223372036854775807 | -9223372036854775808
            1000E    | 9223372036854775807  | 9223372036854775807
            -1000E   | -9223372036854775808 | -9223372036854775808
            """)
    void integerAccessorsRoundAwayFromZeroAndSaturate(String input, long value, long milli) {
        Quantity q = Quantity.parse(input);

        assertThat(q.longValue()).isEqualTo(value);
        assertThat(q.milliValue()).isEqualTo(milli);
    }

    @Test
    void factoriesChooseTheFormatFamily() {
        assertThat(Quantity.of(2)).hasToString("2").isEqualTo(Quantity.parse("2"));
        assertThat(Quantity.of(3000)).hasToString("3k");
        assertThat(Quantity.of(-5)).hasToString("-5");
        assertThat(Quantity.milli(250)).hasToString("250m").isEqualTo(Quantity.parse("0.25"));
        assertThat(Quantity.milli(1000)).hasToString("1");
        assertThat(Quantity.milli(1500).milliValue()).isEqualTo(1500);
        assertThat(Quantity.bytes(64L << 20)).hasToString("64Mi");
        assertThat(Quantity.bytes(1000)).hasToString("1k");
        assertThat(Quantity.bytes(1536)).hasToString("1536");
        assertThat(Quantity.bytes(3L << 30)).hasToString("3Gi");
        assertThat(Quantity.bytes(0)).isEqualTo(Quantity.ZERO).hasToString("0");
        assertThat(Quantity.ZERO.isZero()).isTrue();
    }

    @Test
    void arithmeticIsExactAndKeepsTheLeftFormat() {
        Quantity cpu = Quantity.parse("250m").plus(Quantity.parse("1.5"));
        Quantity memory = Quantity.parse("1Gi").minus(Quantity.parse("512Mi"));
        Quantity fromZero = Quantity.ZERO.plus(Quantity.parse("64Mi"));

        assertThat(cpu).hasToString("1750m");
        assertThat(memory).hasToString("512Mi");
        assertThat(fromZero).hasToString("64Mi");
        assertThat(Quantity.parse("1e3").plus(Quantity.parse("1k"))).hasToString("2e3");
        assertThat(Quantity.parse("1").minus(Quantity.parse("3"))).hasToString("-2");
        assertThat(Quantity.parse("0.1").plus(Quantity.parse("0.2"))).isEqualTo(Quantity.parse("300m"));
        assertThat(Quantity.parse("1Gi").minus(Quantity.parse("1Gi")).isZero()).isTrue();
    }

    @Test
    void arithmeticDoesNotChangeItsOperands() {
        Quantity a = Quantity.parse("1");
        Quantity b = Quantity.parse("2");

        a.plus(b);
        b.minus(a);

        assertThat(a).hasToString("1");
        assertThat(b).hasToString("2");
    }

    @Test
    void aBinaryValueBeyondWhatParsingAllowsPrintsInDecimalSoItRoundTrips() {
        Quantity huge = Quantity.bytes(Long.MAX_VALUE).plus(Quantity.bytes(1));

        assertThat(huge).hasToString("9223372036854775808");
        assertThat(Quantity.parse(huge.toString())).isEqualTo(huge);
    }

    @Test
    void signum() {
        assertThat(Quantity.parse("-1n").signum()).isEqualTo(-1);
        assertThat(Quantity.parse("0").signum()).isZero();
        assertThat(Quantity.parse("1Ki").signum()).isEqualTo(1);
    }

    @Test
    void valueIsExactDecimal() {
        assertThat(Quantity.parse("0.1").value()).isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(Quantity.parse("1.5Gi").value()).isEqualByComparingTo(new BigDecimal("1610612736"));
    }

    private record Limits(Map<String, Quantity> limits) {
    }

    @Test
    void readsYamlStringsAndNumbersAndWritesTheCanonicalString() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        Limits read = yaml.readValue("limits: {a: 1, b: 0.5, c: 64Mi, d: '1.5', e: 1e3, f: \" 250m \", g: 100000}",
                Limits.class);

        assertThat(read.limits()).containsEntry("a", Quantity.parse("1")).containsEntry("b", Quantity.parse("500m"))
                .containsEntry("c", Quantity.parse("64Mi")).containsEntry("d", Quantity.parse("1500m"))
                .containsEntry("e", Quantity.parse("1e3")).containsEntry("f", Quantity.parse("250m"))
                .containsEntry("g", Quantity.parse("100k"));
        assertThat(yaml.writeValueAsString(new Limits(Map.of("cpu", Quantity.parse("0.5")))))
                .contains("cpu: \"500m\"");
    }

    @Test
    void readsJsonNumbersFromTheirText() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Limits read = json.readValue(
                "{\"limits\": {\"a\": 1e3, \"b\": 0.1, \"c\": \"1Gi\", \"d\": 12345678901234567890}}", Limits.class);

        assertThat(read.limits().get("a")).hasToString("1e3");
        assertThat(read.limits().get("b")).hasToString("100m");
        assertThat(read.limits().get("c")).hasToString("1Gi");
        assertThat(read.limits().get("d")).hasToString("12345678901234567890");
        assertThat(json.writeValueAsString(read.limits().get("c"))).isEqualTo("\"1Gi\"");
    }

    @Test
    void badJsonValuesAreBindingErrorsNamingTheText() {
        ObjectMapper json = new ObjectMapper();

        assertThatThrownBy(() -> json.readValue("{\"limits\": {\"a\": \"1KB\"}}", Limits.class))
                .hasMessageContaining("invalid quantity \"1KB\"");
        assertThatThrownBy(() -> json.readValue("{\"limits\": {\"a\": true}}", Limits.class))
                .hasMessageContaining("Quantity");
    }

    @Test
    void manifestsRoundTripQuantitiesWrittenAsNumbersOrStrings() {
        Gadget g = Gadget.read("  resources: {cpu: 1, half: 0.5, memory: 64Mi, storage: '1.5Gi', big: 1e3}\n");

        assertThat(g.spec().resources()).containsEntry("cpu", Quantity.of(1))
                .containsEntry("half", Quantity.milli(500)).containsEntry("memory", Quantity.bytes(64L << 20))
                .containsEntry("storage", Quantity.parse("1536Mi")).containsEntry("big", Quantity.of(1000));
        String yaml = Gadget.CODEC.toYaml(g);
        assertThat(yaml).containsPattern("half: \"?500m\"?\n").containsPattern("storage: \"?1536Mi\"?\n");
        assertThat(Gadget.CODEC.readOne(yaml, Gadget.class)).isEqualTo(g);
        assertThat(Gadget.CODEC.readOne(Gadget.CODEC.toJson(g), Gadget.class)).isEqualTo(g);
    }

    @Test
    void aBadQuantityInAManifestNamesItsFieldAndText() {
        assertThatThrownBy(() -> Gadget.read("  resources: {memory: 1KB}\n"))
                .isInstanceOfSatisfying(ManifestException.class, e -> {
                    assertThat(e.paths()).containsExactly("spec.resources.memory");
                    assertThat(e.getMessage()).contains("invalid quantity \"1KB\"", "regular expression")
                            .doesNotContain("com.fasterxml", "Exception");
                });
    }
}
