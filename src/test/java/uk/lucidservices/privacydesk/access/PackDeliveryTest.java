package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.TestClock;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.mail.Recipient;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.mail.TemplateOverride;

/**
 * Four-eyes approval, then a link emailed (letter {@code pack-ready}, recorded once) to the verified
 * address that downloads, is logged, and expires.
 */
class PackDeliveryTest extends AccessTestSupport {

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/packs/[A-Za-z0-9_-]{43})");

    @Autowired
    SendPackLinkDelegate sendPackLink;

    @Autowired
    PackDelivery delivery;

    @Autowired
    PackExpiry expiry;

    @Autowired
    TestRestTemplate http;

    @Autowired
    SentLetters sentLetters;

    private DisclosurePack builtPack(String reference) {
        review.flag(reference);
        review.decide(reference, Decision.KEEP, "Staff acting in their work role", List.of(), "olivia");
        return builder.build(reference, "olivia");
    }

    @Test
    void theOfficerWhoPreparedThePackCannotApproveIt() {
        String reference = searchedRequest();
        builtPack(reference);
        assertThatThrownBy(() -> approval.approvePack(reference, "olivia"))
                .isInstanceOf(PackApproval.SamePersonException.class)
                .hasMessageContaining("someone other than");
        assertThatThrownBy(() -> delivery.issueLink(reference))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not been approved");

        assertThat(approval.approvePack(reference, "peter").approvedBy()).isEqualTo("peter");
    }

    @Test
    void linkGoesToTheVerifiedAddressDownloadsIsLoggedAndExpires() throws Exception {
        String reference = searchedRequest();
        DisclosurePack pack = builtPack(reference);
        approval.approvePack(reference, "peter");

        try (TemplateOverride marked =
                TemplateOverride.withMarker("pack-ready.txt", "{{> greeting}}", "\nMARKER-pack-ready\n")) {
            sendPackLink.send(reference);
        }

        MimeMessage mail = awaitMail(reference);
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly(requestEmail());
        String text = SarProcessTestSupport.text(mail);
        assertThat(text)
                .as("rendered from the pack-ready template")
                .contains("MARKER-pack-ready")
                .contains("The link works until 29 June 2026")
                .doesNotContainIgnoringCase("password");
        assertThat(mail.getSubject()).isEqualTo("Your personal data is ready to download [" + reference + "]");
        assertThat(sentLetters.forReference(reference))
                .as("recorded once, after the cover letter in the pack")
                .extracting(SentLetters.SentLetter::template, SentLetters.SentLetter::channel)
                .containsExactly(
                        tuple("cover-letter", Recipient.Channel.PACK), tuple("pack-ready", Recipient.Channel.EMAIL));
        assertThat(sentLetters.forReference(reference).get(1).messageId())
                .as("so a reply threads to the request")
                .isEqualTo(mail.getMessageID());
        assertThat(sentLetters.referenceForMessageIds(List.of(mail.getMessageID())))
                .contains(reference);
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).isTrue();
        String path = link.group(1);
        String token = path.substring("/packs/".length());
        DisclosurePack issued = packs.find(pack.id()).orElseThrow();
        assertThat(issued.tokenHash()).isEqualTo(PackTokens.hash(token)).isNotEqualTo(token);
        assertThat(Duration.between(issued.issuedAt(), issued.expiresAt())).isEqualTo(Duration.ofDays(14));
        assertThat(register.events(register.get(reference).id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("LETTER_SENT");
            assertThat(e.detail()).contains("template=pack-ready").doesNotContain(token);
        });

        ResponseEntity<byte[]> download = http.getForEntity(path, byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getBody()).isEqualTo(Files.readAllBytes(packFile(pack)));
        assertThat(packs.downloads(pack.id())).isEqualTo(1);
        assertThat(http.getForEntity(path, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(packs.downloads(pack.id())).isEqualTo(2);

        jdbc.update(
                "UPDATE desk.disclosure_pack SET expires_at = ? WHERE id = ?",
                OffsetDateTime.now(TestClock.clock()).minusMinutes(1),
                pack.id());
        ResponseEntity<String> expired = http.getForEntity(path, String.class);
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(expired.getBody())
                .contains("expired")
                .contains("privacy@lucidservices.uk")
                .contains(reference);

        assertThat(expiry.deleteExpired()).isPositive();
        assertThat(Files.exists(packFile(pack))).isFalse();
        assertThat(packs.find(pack.id()).orElseThrow().deleted()).isTrue();
        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(packs.downloads(pack.id())).isEqualTo(2);
    }

    @Test
    void twoNodesExpiringOnePackAtOnceRecordItsDeletionOnce() {
        String reference = searchedRequest();
        DisclosurePack pack = builtPack(reference);
        OffsetDateTime now = OffsetDateTime.now(TestClock.clock());
        jdbc.update("UPDATE desk.disclosure_pack SET expires_at = ? WHERE id = ?", now.minusMinutes(1), pack.id());
        // Each node's hourly run lists the expired packs; both list this one before either has marked it.
        DisclosurePack listedByBoth = packs.expiredAndNotDeleted(now).stream()
                .filter(p -> p.id().equals(pack.id()))
                .findFirst()
                .orElseThrow();

        boolean first = expiry.expire(listedByBoth, now);
        boolean second = expiry.expire(listedByBoth, now);

        assertThat(first).isTrue();
        assertThat(second).as("the second node finds it marked").isFalse();
        assertThat(Files.exists(packFile(pack))).isFalse();
        assertThat(packs.find(pack.id()).orElseThrow().deleted()).isTrue();
        assertThat(register.events(register.get(reference).id()))
                .filteredOn(e -> e.kind().equals("PACK_DELETED"))
                .hasSize(1);
    }

    @Test
    void unknownOrMalformedTokensAre404() {
        assertThat(http.getForEntity("/packs/" + PackTokens.newToken(), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/packs/not-a-token", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void closingDeletesAPackThatWasNeverSentAndKeepsCounts() {
        String reference = searchedRequest();
        DisclosurePack pack = builtPack(reference);
        closure.close(reference, "WITHDRAWN", "olivia");
        assertThat(Files.exists(packFile(pack))).isFalse();
        assertThat(register.get(reference).status()).isEqualTo("CLOSED");
        assertThat(register.get(reference).outcome()).isEqualTo("WITHDRAWN");
        assertThat(register.get(reference).closedAt()).isNotNull();
        assertThat(register.events(register.get(reference).id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("CLOSED");
            assertThat(e.detail()).contains("outcome=WITHDRAWN", "records-found=", "records-disclosed=0");
        });
    }

    @Autowired
    AccessRequestClosure closure;

    private static MimeMessage awaitMail(String reference) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                                .filter(m -> {
                                    try {
                                        return m.getSubject() != null
                                                && m.getSubject().contains(reference);
                                    } catch (Exception e) {
                                        return false;
                                    }
                                })
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
    }
}
