package uk.lucidservices.privacydesk.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityMatchingTest {

    private final PhoneNumbers phones = new PhoneNumbers("GB");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "01632 960123",
                "+44 1632 960123",
                "00441632960123",
                "441632960123",
                "(01632) 960-123",
                " +44 (0)1632 960123 ",
                "01632960123"
            })
    void everyWayOfWritingAUkLandlineIsOneNumber(String written) {
        assertThat(phones.normalise(written).e164()).isEqualTo("+441632960123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "+447700900123", "00447700900123", "447700900123", "07700-900-123"})
    void everyWayOfWritingAUkMobileIsOneNumber(String written) {
        assertThat(phones.normalise(written).e164()).isEqualTo("+447700900123");
    }

    @Test
    void aForeignNumberKeepsItsCountry() {
        assertThat(phones.normalise("+33 1 23 45 67 89").e164()).isEqualTo("+33123456789");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Withheld", "ANONYMOUS", "private", "unavailable"})
    void aWithheldCliMatchesNothingAndSaysSo(String cli) {
        PhoneNumbers.PhoneKey key = phones.normalise(cli);
        assertThat(key.matchable()).isFalse();
        assertThat(key.problem()).isEqualTo("number withheld by the caller");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "", "   ", "not a number at all", "+44 12"})
    void anUnparsableCliMatchesNothingAndSaysWhy(String cli) {
        PhoneNumbers.PhoneKey key = phones.normalise(cli);
        assertThat(key.matchable()).isFalse();
        assertThat(key.problem()).isNotBlank();
    }

    @Test
    void emailsMatchCaseInsensitivelyAfterTrimming() {
        assertThat(Emails.key("  Jane.Doe@Example.COM ")).isEqualTo("jane.doe@example.com");
        assertThat(Emails.key("jane.doe@example.com")).isEqualTo(Emails.key("JANE.DOE@EXAMPLE.COM"));
        assertThat(Emails.key("not-an-address")).isNull();
        assertThat(Emails.key(null)).isNull();
    }

    @Test
    void theResolverKeepsMatchableKeysAndReportsTheRestWithoutTheirValues() {
        Subject subject = new SubjectResolver(phones)
                .resolve(
                        List.of("Jane@Example.com", "jane@example.com", "nonsense"),
                        List.of("01632 960123", "00441632960123", "Withheld"),
                        List.of(" ls100001 "));
        assertThat(subject.emailKeys()).containsExactly("jane@example.com");
        assertThat(subject.phoneKeys()).containsExactly("+441632960123");
        assertThat(subject.accountNumbers()).containsExactly("LS100001");
        assertThat(subject.unmatchable())
                .containsExactly(
                        "email identifier 3: not an email address",
                        "phone identifier 3: number withheld by the caller");
        assertThat(String.join(" ", subject.unmatchable())).doesNotContain("nonsense");
    }
}
