package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.request.Request;

/**
 * The intake reads a mailbox as mail arrives (IMAP IDLE on the real GreenMail server), with polling
 * as the safety net. The scheduled poll in these tests runs once at start and then not for an hour,
 * so a mail read and acknowledged within the test was read because the server announced it; the
 * mailbox's count of mails read on IDLE says so, not a timing.
 */
class MailReadOnArrivalTest extends IntakeTestSupport {

    private static final Duration NO_POLL_FOR_AN_HOUR = Duration.ofHours(1);

    @Autowired
    MailIntake intake;

    @Autowired
    IntakeProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    HealthIndicator mailboxHealthIndicator;

    @Test
    void aMailDeliveredBySmtpIsReadOnArrivalAndAcknowledgedWithoutWaitingForThePoll() {
        MailboxPollingSchedule schedule = new MailboxPollingSchedule(
                poller, NO_POLL_FOR_AN_HOUR, Duration.ofMinutes(5), new IntakeProperties.Idle(true, null));
        TestMail mail = TestMail.from("Ida Lovell")
                .subject("Subject access request")
                .text("Please send me a copy of all the personal data you hold about me.");
        long readOnIdleBefore = poller.status().mailsReadOnIdle();
        schedule.start();
        try {
            awaitIdling(poller);

            deliver(mail);

            // Counted once the poll the IDLE wake-up started has filed the mail; a scheduled poll would not count.
            eventually().until(() -> poller.status().mailsReadOnIdle() == readOnIdleBefore + 1);
            assertThat(mailboxHealthIndicator.health().getDetails().get("privacy"))
                    .asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("reading", "IDLE");
        } finally {
            schedule.stop();
        }
        assertThat(intakeLog.findByMessageId(mail.messageId()))
                .extracting(IntakeLog.Entry::outcome)
                .containsExactly(IntakeOutcome.STARTED);
        assertThat(PrivacyMailbox.count(TestMailServer.PRIVACY_MAILBOX, "Processed", mail.messageId()))
                .isEqualTo(1);
        Request request = register.get(entry(mail).requestReference());
        runStepsUntilALetterIsSent(request);
        assertThat(mailsTo(mail.address())).hasSize(1);
    }

    @Test
    void withIdleOffTheMailboxIsPolledAndHealthSaysSo() {
        MailboxPollingSchedule schedule = new MailboxPollingSchedule(
                poller, Duration.ofMillis(200), Duration.ofMinutes(5), new IntakeProperties.Idle(false, null));
        TestMail mail = TestMail.from("Jonah Pike")
                .subject("Subject access request")
                .text("Please send me a copy of all the personal data you hold about me.");
        long readOnIdleBefore = poller.status().mailsReadOnIdle();
        schedule.start();
        try {
            deliver(mail);

            eventually()
                    .until(() -> !intakeLog.findByMessageId(mail.messageId()).isEmpty());
            assertThat(poller.status().mailsReadOnIdle()).isEqualTo(readOnIdleBefore);
            assertThat(mailboxHealthIndicator.health().getDetails().get("privacy"))
                    .asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("reading", "polling")
                    .containsEntry("readingNote", "desk.intake.idle.enabled is false");
        } finally {
            schedule.stop();
        }
        assertThat(entry(mail).outcome()).isEqualTo(IntakeOutcome.STARTED);
    }

    @Test
    void aDroppedIdleConnectionIsReopenedAndMailIsReadOnArrivalAgain() {
        try (TcpProxy network = new TcpProxy(TestMailServer.imapPort())) {
            network.up();
            MailboxPoller desk = new MailboxPoller(
                    properties.mailbox().at("127.0.0.1", network.port()),
                    properties.polling().batchSize(),
                    properties.polling().threads(),
                    intake,
                    clock);
            MailboxPollingSchedule schedule = new MailboxPollingSchedule(
                    desk, NO_POLL_FOR_AN_HOUR, Duration.ofMinutes(5), new IntakeProperties.Idle(true, null));
            schedule.start();
            try {
                awaitIdling(desk);

                // The network drops under the open IDLE connection: health says the mailbox is polled meanwhile.
                network.down();
                eventually()
                        .until(() -> MailboxStatus.POLLING.equals(desk.status().reading()));
                assertThat(desk.status().health().getDetails())
                        .containsEntry("idleReconnects", 1)
                        .hasEntrySatisfying(
                                "readingNote", note -> assertThat((String) note).startsWith("IDLE connection lost"));

                // It comes back: the IDLE connection is reopened with back-off, and new mail is read on arrival.
                network.up();
                awaitIdling(desk);
                long readOnIdleBefore = desk.status().mailsReadOnIdle();
                TestMail mail = TestMail.from("Kit Farrow")
                        .subject("Subject access request")
                        .text("Please send me a copy of my data");
                deliver(mail);
                eventually().until(() -> desk.status().mailsReadOnIdle() == readOnIdleBefore + 1);
                assertThat(intakeLog.findByMessageId(mail.messageId())).hasSize(1);
            } finally {
                schedule.stop();
                desk.close();
            }
        }
    }

    /** Up to 30 s; the mail server logs a connection the proxy cuts as an error on its own thread, not ours. */
    private static ConditionFactory eventually() {
        return await().dontCatchUncaughtExceptions()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20));
    }

    /** Until the IDLE connection is open and the scheduled poll at start has run. */
    private static void awaitIdling(MailboxPoller mailbox) {
        eventually()
                .until(() -> MailboxStatus.IDLE.equals(mailbox.status().reading())
                        && mailbox.status().reachable());
        Map<String, Object> details = mailbox.status().health().getDetails();
        assertThat(details).containsEntry("reading", "IDLE");
    }
}
