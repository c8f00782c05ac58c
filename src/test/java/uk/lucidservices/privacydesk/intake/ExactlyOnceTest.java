package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.mail.LetterQueue;

/**
 * Exactly once: whatever happens between reading a mail and moving it, each mail starts one
 * request, never none and never two.
 */
class ExactlyOnceTest extends IntakeTestSupport {

    @Autowired
    MailIntake intake;

    @Autowired
    IntakeProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    @Test
    void theSameMessageDeliveredTwiceStartsOneRequest() {
        TestMail mail = TestMail.from("Quinn Adams").subject("SAR").text("Please send me a copy of my data");
        deliver(mail);
        deliver(mail);

        poll();

        List<IntakeLog.Entry> entries = intakeLog.findByMessageId(mail.messageId());
        assertThat(entries)
                .extracting(IntakeLog.Entry::outcome)
                .containsExactly(IntakeOutcome.STARTED, IntakeOutcome.DUPLICATE);
        assertThat(entries.get(1).duplicateOf()).isEqualTo(entries.get(0).id());
        assertThat(requestsFrom(mail)).isEqualTo(1);
        assertThat(acknowledgementsQueued(entries.get(0).requestReference())).isEqualTo(1);
    }

    @Test
    void aRestartAfterTheCommitButBeforeTheMoveStartsNothingTwice() {
        TestMail mail = TestMail.from("Rita Blake").subject("SAR").text("Please send me a copy of my data");
        deliver(mail);
        // The desk reads the mail and commits its outcome, then dies before moving it.
        IntakeResult first = intake.receive(PrivacyMailbox.read(mail.messageId()));
        assertThat(first.outcome()).isEqualTo(IntakeOutcome.STARTED);
        assertThat(PrivacyMailbox.count("INBOX", mail.messageId())).isEqualTo(1);

        // After the restart a new reader finds the mail again.
        MailboxPoller restarted = newReader();
        assertThat(restarted.pollOnce().failed()).isFalse();
        restarted.close();

        assertThat(intakeLog.findByMessageId(mail.messageId()))
                .extracting(IntakeLog.Entry::outcome)
                .containsExactly(IntakeOutcome.STARTED, IntakeOutcome.DUPLICATE);
        assertThat(requestsFrom(mail)).isEqualTo(1);
        assertThat(acknowledgementsQueued(first.reference())).isEqualTo(1);
        assertThat(PrivacyMailbox.count("INBOX", mail.messageId())).isZero();
    }

    @Test
    void aCrashBeforeTheCommitLosesNothing() {
        TestMail mail = TestMail.from("Sam Cole").subject("SAR").text("Please send me a copy of my data");
        deliver(mail);
        // The desk handles the mail but dies before its transaction commits.
        new TransactionTemplate(transactions).executeWithoutResult(crash -> {
            intake.receive(PrivacyMailbox.read(mail.messageId()));
            crash.setRollbackOnly();
        });
        assertThat(intakeLog.findByMessageId(mail.messageId())).isEmpty();
        assertThat(requestsFrom(mail)).isZero();

        poll();

        assertThat(intakeLog.findByMessageId(mail.messageId()))
                .extracting(IntakeLog.Entry::outcome)
                .containsExactly(IntakeOutcome.STARTED);
        assertThat(requestsFrom(mail)).isEqualTo(1);
    }

    @Test
    void aMailWithoutMessageIdIsRecognisedByItsContent() {
        TestMail mail =
                TestMail.from("Tia Dunn").messageId(null).subject("SAR").text("Please send me a copy of my data");
        deliver(mail);
        deliver(mail);

        poll();

        List<String> outcomes = jdbc.queryForList(
                "SELECT outcome FROM desk.intake_log WHERE sender_address = ? ORDER BY id",
                String.class,
                mail.address());
        assertThat(outcomes).containsExactly("STARTED", "DUPLICATE");
        assertThat(jdbc.queryForObject(
                        "SELECT message_key FROM desk.intake_log WHERE sender_address = ? AND outcome = 'STARTED'",
                        String.class,
                        mail.address()))
                .startsWith("sha256:");
        assertThat(requestsFrom(mail)).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void aCommitTheDatabaseRefusesAfterThePollerReadTheMailLeavesItForTheNextPoll() {
        TestMail mail = TestMail.from("Commit Refused").subject("SAR").text("Please send me a copy of my data");
        deliver(mail);
        // A real fault, not a mock: a deferred constraint trigger makes PostgreSQL refuse the COMMIT
        // of any transaction that logged this sender's mail, after everything in it has been done.
        jdbc.execute("CREATE SEQUENCE desk.test_refused_commits");
        jdbc.execute("""
                CREATE FUNCTION desk.test_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM nextval('desk.test_refused_commits');
                    RAISE EXCEPTION 'commit refused by the test';
                END $$""");
        jdbc.execute("""
                CREATE CONSTRAINT TRIGGER test_refuse_commit AFTER INSERT ON desk.intake_log
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                WHEN (NEW.sender_address LIKE 'commit.refused.%')
                EXECUTE FUNCTION desk.test_refuse_commit()""");
        MailboxPoller.PollReport refused;
        long refusedCommits;
        try {
            refused = poller.pollOnce();
            refusedCommits = jdbc.queryForObject(
                    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM desk.test_refused_commits", Long.class);
        } finally {
            jdbc.execute("DROP TRIGGER test_refuse_commit ON desk.intake_log");
            jdbc.execute("DROP FUNCTION desk.test_refuse_commit()");
            jdbc.execute("DROP SEQUENCE desk.test_refused_commits");
        }

        // The mail was read and handled to the end (the trigger ran at commit), but nothing of it stayed.
        assertThat(refused.failed()).isTrue();
        assertThat(refused.error()).startsWith("intake could not record a mail");
        assertThat(refusedCommits).as("commits refused").isPositive();
        assertThat(intakeLog.findByMessageId(mail.messageId())).isEmpty();
        assertThat(requestsFrom(mail)).isZero();
        assertThat(mailsTo(mail.address())).isEmpty();
        assertThat(PrivacyMailbox.count("INBOX", mail.messageId()))
                .as("left in the inbox")
                .isEqualTo(1);

        poll();

        List<IntakeLog.Entry> entries = intakeLog.findByMessageId(mail.messageId());
        assertThat(entries).extracting(IntakeLog.Entry::outcome).containsExactly(IntakeOutcome.STARTED);
        assertThat(requestsFrom(mail)).isEqualTo(1);
        assertThat(acknowledgementsQueued(entries.get(0).requestReference())).isEqualTo(1);
        assertThat(PrivacyMailbox.count("INBOX", mail.messageId())).isZero();
        assertThat(PrivacyMailbox.count("Processed", mail.messageId())).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void twoReadersAtOnceStartEachMailOnce() throws Exception {
        List<TestMail> mails = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestMail mail = TestMail.from("Parallel Person").subject("SAR").text("Please send me a copy of my data");
            mails.add(mail);
            deliver(mail);
        }
        // One intake thread each, so each reader has at most one transaction open at a time. A trigger
        // holds every intake of these mails at an advisory lock the test holds: two transactions waiting
        // there at once can only be both readers, each inside its poll with a mail read.
        MailboxPoller first = newReader(1);
        MailboxPoller second = newReader(1);
        jdbc.execute("""
                CREATE FUNCTION desk.test_hold_intake() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock_shared(%d);
                    RETURN NEW;
                END $$""".formatted(OVERLAP_LOCK));
        jdbc.execute("""
                CREATE TRIGGER test_hold_intake BEFORE INSERT ON desk.intake_log FOR EACH ROW
                WHEN (NEW.sender_address LIKE 'parallel.person.%')
                EXECUTE FUNCTION desk.test_hold_intake()""");
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try (Connection gate = dataSource.getConnection()) {
            try (Statement hold = gate.createStatement()) {
                hold.execute("SELECT pg_advisory_lock(" + OVERLAP_LOCK + ")");
            }
            Future<MailboxPoller.PollReport> a = readers.submit(first::pollOnce);
            Future<MailboxPoller.PollReport> b = readers.submit(second::pollOnce);

            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(waitingAtTheGate())
                    .as("readers inside a poll at the same moment")
                    .isEqualTo(2));

            try (Statement release = gate.createStatement()) {
                release.execute("SELECT pg_advisory_unlock(" + OVERLAP_LOCK + ")");
            }
            assertThat(a.get(30, TimeUnit.SECONDS).failed()).isFalse();
            assertThat(b.get(30, TimeUnit.SECONDS).failed()).isFalse();
        } finally {
            readers.shutdownNow();
            jdbc.execute("DROP TRIGGER test_hold_intake ON desk.intake_log");
            jdbc.execute("DROP FUNCTION desk.test_hold_intake()");
        }
        // Whatever either reader left (a mail moved under its feet) the next poll picks up.
        poll();
        first.close();
        second.close();

        for (TestMail mail : mails) {
            assertThat(intakeLog.findByMessageId(mail.messageId()))
                    .filteredOn(e -> e.outcome() == IntakeOutcome.STARTED)
                    .hasSize(1);
            assertThat(requestsFrom(mail)).isEqualTo(1);
            assertThat(PrivacyMailbox.count("INBOX", mail.messageId())).isZero();
        }
    }

    private static final long OVERLAP_LOCK = 7_013_013L;

    private long waitingAtTheGate() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid::bigint = ?",
                Long.class,
                OVERLAP_LOCK);
    }

    private MailboxPoller newReader() {
        return newReader(properties.polling().threads());
    }

    private MailboxPoller newReader(int threads) {
        return new MailboxPoller(
                properties.mailbox().at("127.0.0.1", TestMailServer.imapPort()),
                properties.polling().batchSize(),
                threads,
                intake,
                clock);
    }

    private int requestsFrom(TestMail mail) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM desk.request WHERE requester_email = ?", Integer.class, mail.address());
    }

    /** Acknowledgements waiting to go: queued by the intake (desk-letter), or the first step of the request's process. */
    private long acknowledgementsQueued(String reference) {
        long byIntake = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(LetterQueue.PROCESS_KEY)
                .processInstanceBusinessKey(reference)
                .count();
        long byProcess =
                runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                        .mapToLong(p -> managementService
                                .createJobQuery()
                                .processInstanceId(p.getId())
                                .activityId("Task_SendAcknowledgement")
                                .count())
                        .sum();
        return byIntake + byProcess;
    }
}
