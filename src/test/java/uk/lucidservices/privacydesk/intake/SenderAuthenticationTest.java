package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.lucidservices.privacydesk.intake.SenderAuthentication.Dmarc;

/** Reading the trusted server's DMARC verdict out of Authentication-Results headers (RFC 8601). */
class SenderAuthenticationTest {

    private final SenderAuthentication trusted = new SenderAuthentication("mx.lucidservices.uk");

    @Test
    void theTrustedServersVerdictCountsWhateverItsCaseVersionAndComments() {
        assertThat(trusted.dmarc(
                        mail("MX.Lucidservices.uk 1; spf=pass (sender SPF authorized) smtp.mailfrom=example.com;"
                                + " dmarc=FAIL (p=REJECT sp=REJECT dis=NONE) header.from=example.com")))
                .isEqualTo(Dmarc.FAIL);
        assertThat(trusted.dmarc(mail(
                        "mx.lucidservices.uk; dkim=pass header.d=example.com; dmarc=pass header.from=example.com")))
                .isEqualTo(Dmarc.PASS);
    }

    @Test
    void onlyTheTrustedServersHeaderCountsAndItsTopmostOne() {
        assertThat(trusted.dmarc(mail(
                        "mx.elsewhere.example; dmarc=pass header.from=example.com",
                        "mx.lucidservices.uk; dmarc=fail header.from=example.com",
                        "mx.lucidservices.uk; dmarc=pass header.from=example.com")))
                .isEqualTo(Dmarc.FAIL);
        assertThat(trusted.dmarc(mail("mx.elsewhere.example; dmarc=fail header.from=example.com")))
                .isEqualTo(Dmarc.UNKNOWN);
    }

    @Test
    void aPolicyPropertyOfAnotherMethodIsNotAVerdict() {
        assertThat(trusted.dmarc(mail("mx.lucidservices.uk; arc=none policy.dmarc=fail; spf=fail")))
                .isEqualTo(Dmarc.UNKNOWN);
        assertThat(trusted.dmarc(mail("mx.lucidservices.uk; dmarc=none header.from=example.com")))
                .isEqualTo(Dmarc.UNKNOWN);
        assertThat(trusted.dmarc(mail("mx.lucidservices.uk; none"))).isEqualTo(Dmarc.UNKNOWN);
    }

    @Test
    void withNoTrustedServerNothingIsChecked() {
        assertThat(new SenderAuthentication("").dmarc(mail("mx.lucidservices.uk; dmarc=fail")))
                .isEqualTo(Dmarc.NOT_CHECKED);
        assertThat(new SenderAuthentication(null).configured()).isFalse();
    }

    private static IncomingMail mail(String... authenticationResults) {
        return new IncomingMail(
                null,
                null,
                null,
                "someone@example.com",
                null,
                null,
                null,
                Map.of("authentication-results", List.of(authenticationResults)),
                null,
                "",
                List.of(),
                List.of(),
                null);
    }
}
