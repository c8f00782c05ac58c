package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import uk.lucidservices.privacydesk.TestMailServer;

/**
 * The intake reads the privacy mailbox and the address the privacy policy publishes
 * (hello@lucidservices.uk), both on the real GreenMail server: each mailbox is polled, its mail
 * moved to its own processed folder, and its health shown under its own name.
 */
class TwoMailboxesTest extends IntakeTestSupport {

    @Autowired
    IntakeMailboxes mailboxes;

    @Autowired
    HealthIndicator mailboxHealthIndicator;

    @Autowired
    IntakeProperties properties;

    @Test
    void theDefaultsReadThePublishedAddressAndThePrivacyMailboxOnTheCompanysDomain() {
        assertThat(properties.allMailboxes())
                .extracting(IntakeProperties.Mailbox::name, IntakeProperties.Mailbox::user)
                .containsExactly(
                        tuple("privacy", "privacy@lucidservices.uk"), tuple("published", "hello@lucidservices.uk"));
    }

    @Test
    void mailToEitherMailboxOpensARequestAndIsFiledInThatMailboxsProcessedFolder() {
        TestMail toPublished = TestMail.from("Petra Hollis")
                .to(TestMailServer.PUBLISHED_MAILBOX)
                .subject("Subject access request")
                .text("Please send me a copy of all the personal data you hold about me.");
        TestMail toPrivacy = TestMail.from("Quentin Marsh")
                .subject("Subject access request")
                .text("Please send me a copy of all the personal data you hold about me.");
        Smtp.send(
                TestMailServer.smtpPort(),
                toPublished.address(),
                TestMailServer.PUBLISHED_MAILBOX,
                toPublished.bytes());
        deliver(toPrivacy);

        Map<String, MailboxPoller.PollReport> reports = mailboxes.pollEach();

        assertThat(reports).containsOnlyKeys("privacy", "published");
        assertThat(reports.values()).noneMatch(MailboxPoller.PollReport::failed);
        assertThat(entry(toPublished).outcome()).isEqualTo(IntakeOutcome.STARTED);
        assertThat(entry(toPrivacy).outcome()).isEqualTo(IntakeOutcome.STARTED);
        // Each mail left its own inbox for its own mailbox's processed folder.
        assertThat(PrivacyMailbox.count(TestMailServer.PUBLISHED_MAILBOX, "Processed", toPublished.messageId()))
                .isEqualTo(1);
        assertThat(PrivacyMailbox.count(TestMailServer.PUBLISHED_MAILBOX, "INBOX", toPublished.messageId()))
                .isZero();
        assertThat(PrivacyMailbox.count(TestMailServer.PRIVACY_MAILBOX, "Processed", toPrivacy.messageId()))
                .isEqualTo(1);
        assertThat(PrivacyMailbox.count(TestMailServer.PRIVACY_MAILBOX, "Processed", toPublished.messageId()))
                .isZero();

        Health health = mailboxHealthIndicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsOnlyKeys("privacy", "published");
        assertThat(health.getDetails().get("published"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("status", "UP")
                .containsKey("lastSuccess");
    }
}
