package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import uk.lucidservices.privacydesk.TestMailServer;

/**
 * A mailbox that cannot be reached fails the poll, not the poller: it is reported as DOWN with
 * the number of failures, retried with growing waits, and the mail that arrived meanwhile is read
 * once it is back.
 */
class MailboxOutageTest extends IntakeTestSupport {

    @Autowired
    MailIntake intake;

    @Autowired
    IntakeProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    HealthIndicator mailboxHealthIndicator;

    @Autowired
    IntakeMailboxes mailboxes;

    @Test
    void anUnreachableMailboxIsReportedDownAndNoMailIsLostWhenItComesBack() {
        try (TcpProxy network = new TcpProxy(TestMailServer.imapPort())) {
            MailboxPoller desk = new MailboxPoller(
                    properties.mailbox().at("127.0.0.1", network.port()),
                    properties.polling().batchSize(),
                    properties.polling().threads(),
                    intake,
                    clock);
            HealthIndicator health = new MailboxHealthIndicator(desk.status());
            TestMail mail = TestMail.from("Uma Vance")
                    .subject("Subject access request")
                    .text("Please send me a copy of my data");
            deliver(mail);

            // The network to the mailbox is down: two polls fail, and say so.
            assertThat(desk.pollOnce().failed()).isTrue();
            MailboxPoller.PollReport second = desk.pollOnce();
            assertThat(second.error()).contains("ConnectException");
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails()).containsEntry("consecutiveFailures", 2);
            assertThat(intakeLog.findByMessageId(mail.messageId())).isEmpty();

            // It comes back: the waiting mail is read, once.
            network.up();
            assertThat(desk.pollOnce().failed()).isFalse();
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(intakeLog.findByMessageId(mail.messageId()))
                    .extracting(IntakeLog.Entry::outcome)
                    .containsExactly(IntakeOutcome.STARTED);

            // It drops again under an open connection: the poller notices, and reconnects when it can.
            network.down();
            assertThat(desk.pollOnce().failed()).isTrue();
            network.up();
            assertThat(desk.pollOnce().failed()).isFalse();
            desk.close();
        }
    }

    @Test
    void retriesWaitLongerAfterEachFailureUpToTheMaximum() {
        Duration interval = Duration.ofSeconds(2);
        Duration max = Duration.ofMinutes(5);
        assertThat(MailboxPollingSchedule.backoff(interval, max, 0)).isEqualTo(interval);
        assertThat(MailboxPollingSchedule.backoff(interval, max, 1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(MailboxPollingSchedule.backoff(interval, max, 3)).isEqualTo(Duration.ofSeconds(16));
        assertThat(MailboxPollingSchedule.backoff(interval, max, 10)).isEqualTo(max);
        assertThat(MailboxPollingSchedule.backoff(interval, max, 400)).isEqualTo(max);
    }

    @Test
    void theDesksMailboxesAreInItsHealthEachUnderItsName() {
        mailboxes.pollEach();

        assertThat(mailboxHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(mailboxHealthIndicator.health().getDetails()).containsKeys("privacy", "published");
        assertThat(mailboxHealthIndicator.health().getDetails().get("privacy"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKey("lastSuccess");
    }
}
