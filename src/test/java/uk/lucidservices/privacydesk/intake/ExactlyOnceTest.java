package uk.lucidservices.privacydesk.intake;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.mail.LetterQueue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void theSameMessageDeliveredTwiceStartsOneRequest() {
        TestMail mail = TestMail.from("Quinn Adams").subject("SAR").text("Please send me a copy of my data");
        deliver(mail);
        deliver(mail);

        poll();

        List<IntakeLog.Entry> entries = intakeLog.findByMessageId(mail.messageId());
        assertThat(entries).extracting(IntakeLog.Entry::outcome)
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

        assertThat(intakeLog.findByMessageId(mail.messageId())).extracting(IntakeLog.Entry::outcome)
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

        assertThat(intakeLog.findByMessageId(mail.messageId())).extracting(IntakeLog.Entry::outcome)
                .containsExactly(IntakeOutcome.STARTED);
        assertThat(requestsFrom(mail)).isEqualTo(1);
    }

    @Test
    void aMailWithoutMessageIdIsRecognisedByItsContent() {
        TestMail mail = TestMail.from("Tia Dunn").messageId(null).subject("SAR").text("Please send me a copy of my data");
        deliver(mail);
        deliver(mail);

        poll();

        List<String> outcomes = jdbc.queryForList(
                "SELECT outcome FROM desk.intake_log WHERE sender_address = ? ORDER BY id", String.class, mail.address());
        assertThat(outcomes).containsExactly("STARTED", "DUPLICATE");
        assertThat(jdbc.queryForObject("SELECT message_key FROM desk.intake_log WHERE sender_address = ? AND outcome = 'STARTED'",
                String.class, mail.address())).startsWith("sha256:");
        assertThat(requestsFrom(mail)).isEqualTo(1);
    }

    @Test
    void twoReadersAtOnceStartEachMailOnce() throws Exception {
        List<TestMail> mails = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestMail mail = TestMail.from("Parallel Person").subject("SAR").text("Please send me a copy of my data");
            mails.add(mail);
            deliver(mail);
        }
        MailboxPoller other = newReader();
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<MailboxPoller.PollReport> a = CompletableFuture.supplyAsync(() -> await(go, poller));
        CompletableFuture<MailboxPoller.PollReport> b = CompletableFuture.supplyAsync(() -> await(go, other));
        go.countDown();
        a.get();
        b.get();
        // Whatever either reader left (a mail moved under its feet) the next poll picks up.
        poll();
        other.close();

        for (TestMail mail : mails) {
            assertThat(intakeLog.findByMessageId(mail.messageId()))
                    .filteredOn(e -> e.outcome() == IntakeOutcome.STARTED).hasSize(1);
            assertThat(requestsFrom(mail)).isEqualTo(1);
            assertThat(PrivacyMailbox.count("INBOX", mail.messageId())).isZero();
        }
    }

    private static MailboxPoller.PollReport await(CountDownLatch go, MailboxPoller reader) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return reader.pollOnce();
    }

    private MailboxPoller newReader() {
        return new MailboxPoller(properties.mailbox().at("127.0.0.1", TestMailServer.imapPort()),
                properties.polling().batchSize(), properties.polling().threads(), intake, clock);
    }

    private int requestsFrom(TestMail mail) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM desk.request WHERE requester_email = ?", Integer.class, mail.address());
    }

    /** Acknowledgements waiting to go: queued by the intake (desk-letter), or the first step of the request's process. */
    private long acknowledgementsQueued(String reference) {
        long byIntake = runtimeService.createProcessInstanceQuery().processDefinitionKey(LetterQueue.PROCESS_KEY)
                .processInstanceBusinessKey(reference).count();
        long byProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                .mapToLong(p -> managementService.createJobQuery().processInstanceId(p.getId())
                        .activityId("Task_SendAcknowledgement").count())
                .sum();
        return byIntake + byProcess;
    }
}
