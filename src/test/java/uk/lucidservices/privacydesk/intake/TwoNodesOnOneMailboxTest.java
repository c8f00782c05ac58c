package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.request.Request;

/**
 * Two desks on one database reading one mailbox, each over IMAP IDLE on connections of its own, as two
 * nodes of a cluster do, with each node's poll as the safety net: both are woken by every new mail
 * and both may read it, and still each mail
 * starts one request and is acknowledged once. The intake log's claim of the mail's key (its
 * Message-ID) is what decides; the node that loses records a duplicate and sends nothing.
 */
class TwoNodesOnOneMailboxTest extends IntakeTestSupport {

    /** As in production: IDLE reads on arrival, and the poll runs too, so all four readers race. */
    private static final Duration POLL = Duration.ofSeconds(2);

    private static final int MAILS = 12;

    @Autowired
    MailIntake intake;

    @Autowired
    IntakeProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Timeout(120)
    void twoNodesIdlingOnOneMailboxStartAndAcknowledgeEachMailOnce() {
        MailboxPoller nodeA = node();
        MailboxPoller nodeB = node();
        List<MailboxPollingSchedule> schedules = List.of(idling(nodeA), idling(nodeB));
        List<TestMail> mails = new ArrayList<>();
        schedules.forEach(MailboxPollingSchedule::start);
        try {
            eventually().until(() -> idling(nodeA.status()) && idling(nodeB.status()));

            for (int i = 0; i < MAILS; i++) {
                TestMail mail = TestMail.from("Two Nodes")
                        .subject("Subject access request")
                        .text("Please send me a copy of my data");
                mails.add(mail);
                deliver(mail);
            }

            eventually().until(() -> mails.stream()
                    .allMatch(
                            m -> PrivacyMailbox.count(TestMailServer.PRIVACY_MAILBOX, "Processed", m.messageId()) > 0));
        } finally {
            schedules.forEach(MailboxPollingSchedule::stop);
            nodeA.close();
            nodeB.close();
        }

        assertThat(mailsRead(nodeA) + mailsRead(nodeB))
                .as("mails read by the two nodes together (a mail both read counts twice)")
                .isGreaterThanOrEqualTo(MAILS);
        for (TestMail mail : mails) {
            List<IntakeLog.Entry> entries = intakeLog.findByMessageId(mail.messageId());
            assertThat(entries)
                    .as("read once by each node at most, started once")
                    .extracting(IntakeLog.Entry::outcome)
                    .containsOnlyOnce(IntakeOutcome.STARTED)
                    .isSubsetOf(IntakeOutcome.STARTED, IntakeOutcome.DUPLICATE)
                    .hasSizeLessThanOrEqualTo(2);
            assertThat(PrivacyMailbox.count(TestMailServer.PRIVACY_MAILBOX, "INBOX", mail.messageId()))
                    .isZero();
            assertThat(PrivacyMailbox.count(TestMailServer.PRIVACY_MAILBOX, "Processed", mail.messageId()))
                    .as("moved once")
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM desk.request WHERE requester_email = ?",
                            Integer.class,
                            mail.address()))
                    .as("requests from %s", mail.address())
                    .isEqualTo(1);

            Request request = register.get(entry(mail).requestReference());
            runStepsUntilALetterIsSent(request);
            assertThat(mailsTo(mail.address())).as("acknowledgements").hasSize(1);
        }
    }

    private MailboxPoller node() {
        return new MailboxPoller(
                properties.mailbox().at("127.0.0.1", TestMailServer.imapPort()),
                properties.polling().batchSize(),
                properties.polling().threads(),
                intake,
                clock);
    }

    private static MailboxPollingSchedule idling(MailboxPoller node) {
        return new MailboxPollingSchedule(node, POLL, Duration.ofMinutes(5), new IntakeProperties.Idle(true, null));
    }

    private static boolean idling(MailboxStatus status) {
        return MailboxStatus.IDLE.equals(status.reading()) && status.reachable();
    }

    private static long mailsRead(MailboxPoller node) {
        return node.mailsRead();
    }

    /**
     * The mail server throws on its own thread when a node drops a connection mid-command (a node ending
     * its IDLE to read, or closing at the end); that is the server's log, not a failure of the desk.
     */
    private static ConditionFactory eventually() {
        return await().dontCatchUncaughtExceptions()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50));
    }
}
