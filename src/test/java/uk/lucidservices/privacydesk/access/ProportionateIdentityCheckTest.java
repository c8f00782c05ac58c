package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.HeaderTerm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.intake.IntakeLog;
import uk.lucidservices.privacydesk.intake.MailboxPoller;
import uk.lucidservices.privacydesk.intake.Smtp;
import uk.lucidservices.privacydesk.intake.TestMail;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Issue 14, part 4: ID is asked for only with reasonable doubt, and the officer chooses the lightest
 * check that settles it: a question only the account holder can answer (the officer records the
 * verdict), a one-time code to the email address on record for the matched account (typed back), or
 * a document as the last resort. A document is gone from every store the moment the decision is
 * recorded, as the ID request letter says.
 */
class ProportionateIdentityCheckTest extends SarProcessTestSupport {

    @Autowired
    MailboxPoller poller;

    @Autowired
    IntakeLog intakeLog;

    @Autowired
    FileStore files;

    @Autowired
    VerifiedIdentifiers identifiers;

    @Test
    void aDocumentIsDeletedFromEveryStoreAsSoonAsTheIdentityDecisionIsRecorded() throws Exception {
        String address = "new.customer.idcheck@example.org";
        ProcessInstance pi = startRequest(address, null, 0);
        String reference = pi.getBusinessKey();
        process(pi).isWaitingFor("requester-reply");
        assertThat(text(mailFor(reference, "confirm who you are")))
                .as("the letter promises the deletion")
                .contains("We delete it, and remove it from our copy of your email, as soon as we have recorded"
                        + " our decision on your identity");

        byte[] passport = ("%PDF-1.4\n% passport scan of the requester, page 1 QJXZ-" + reference + "\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        TestMail reply = TestMail.fromHeader("New Customer <" + address + ">")
                .subject("Re: Please confirm who you are [" + reference + "]")
                .text("Here is my passport.")
                .attach("passport-scan.pdf", "application/pdf", passport);
        Smtp.send(TestMailServer.smtpPort(), address, TestMailServer.PRIVACY_MAILBOX, reply.bytes());
        assertThat(poller.pollOnce().failed()).isFalse();
        runJobs(pi);
        process(pi).isWaitingAt("Task_CheckIdDocument");

        long requestId = register.get(reference).id();
        IntakeLog.Attachment document =
                intakeLog.attachmentsOfRequest(requestId).get(0);
        IntakeLog.Entry mail = intakeLog.find(document.intakeId()).orElseThrow();
        String base64 = Base64.getEncoder().encodeToString(passport).substring(0, 40);
        // Before the decision the document is in all three places.
        assertThat(Files.readAllBytes(files.resolve(document.storedPath()))).isEqualTo(passport);
        assertThat(new String(Files.readAllBytes(files.resolve(mail.rawFile())), StandardCharsets.US_ASCII))
                .contains(base64);
        assertThat(inProcessed(mail.messageId())).isOne();

        long email = register.identifiers(requestId).stream()
                .filter(i -> i.kind().equals("EMAIL"))
                .findFirst()
                .orElseThrow()
                .id();
        identifiers.accept(reference, email, "peter");
        work(pi, "Task_CheckIdDocument", "peter", Map.of("identityDecision", "CONFIRMED"));

        process(pi).isWaitingAt("Task_TriageRequest");
        assertThat(Files.exists(files.resolve(document.storedPath())))
                .as("the attachment file")
                .isFalse();
        IntakeLog.Attachment after = intakeLog.attachmentsOfRequest(requestId).get(0);
        assertThat(after.storedPath()).isNull();
        assertThat(after.sha256()).as("what the log keeps: type, size, hash").isEqualTo(document.sha256());
        String raw = new String(Files.readAllBytes(files.resolve(mail.rawFile())), StandardCharsets.US_ASCII);
        assertThat(raw)
                .as("the kept raw mail")
                .doesNotContain(base64)
                .doesNotContain("passport-scan.pdf")
                .contains("Here is my passport.")
                .contains("was deleted here when the identity decision was recorded");
        assertThat(inProcessed(mail.messageId()))
                .as("the mailbox's processed folder")
                .isZero();
        assertThat(eventKinds(reference)).contains("ID_DOCUMENTS_DELETED");
    }

    @Test
    void aQuestionOnlyTheAccountHolderCanAnswerGoesInTheLetterAndTheOfficerRecordsTheVerdict() throws Exception {
        ProcessInstance pi = startFor(person(401), 0);
        String reference = pi.getBusinessKey();
        String question = "Which town is the installation address on your account in?";

        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "ASK_QUESTION", "idQuestion", question));

        process(pi).isWaitingFor("requester-reply");
        String letter = text(mailFor(reference, "only the account holder can answer"));
        assertThat(letter).contains(question).doesNotContain("passport");
        assertThat(jdbc.queryForObject(
                        "SELECT method FROM desk.identity_check WHERE request_id = ?",
                        String.class,
                        register.get(reference).id()))
                .isEqualTo("QUESTION");
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .includeDeleted()
                        .list())
                .extracting(HistoricVariableInstance::getValue)
                .as("the question is the desk's, never the engine's")
                .doesNotContain(question);

        replyFromRequester(pi, 0);
        work(pi, "Task_CheckIdDocument", "peter", Map.of("identityDecision", "CONFIRMED"));

        process(pi).isWaitingAt("Task_TriageRequest");
        assertThat(jdbc.queryForList(
                        "SELECT verdict, decided_by, question FROM desk.identity_check WHERE request_id = ?",
                        register.get(reference).id()))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("verdict")).isEqualTo("CONFIRMED");
                    assertThat(row.get("decided_by")).isEqualTo("peter");
                    assertThat(row.get("question"))
                            .as("cleared with the decision")
                            .isNull();
                });
        assertThat(eventKinds(reference)).contains("ID_ASKED_FOR", "ID_CHECK_DECIDED", "IDENTITY_VERIFIED");
    }

    @Test
    void aCodeGoesToTheAddressOnRecordAndConfirmsOnlyWhenTypedBackRight() throws Exception {
        DemoPerson person = person(402);
        ProcessInstance pi = startFor(person, 0);
        String reference = pi.getBusinessKey();

        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "SEND_CODE"));

        String codeMail = text(mailFor(reference, "To confirm it was you"));
        // 24 hours from Monday 15 June 2026 09:00 London (08:00 UTC), plus the minutes the suite has run.
        assertThat(codeMail).containsPattern("works until 16 June 2026 08:[0-5]\\d UTC");
        Matcher sixDigits = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$").matcher(codeMail);
        assertThat(sixDigits.find()).isTrue();
        String code = sixDigits.group(1);
        List<String> recipients = List.of(
                        mailFor(reference, "To confirm it was you").getAllRecipients())
                .stream()
                .map(a -> ((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT))
                .toList();
        assertThat(recipients)
                .containsExactly(person.emailVariants().get(1).trim().toLowerCase());
        assertThat(text(mailFor(reference, "We have emailed a one-time code"))).doesNotContain(code);
        assertThat(runtimeService.getVariables(pi.getId()).values()).doesNotContain(code);

        replyFromRequester(pi, 0);
        Task check = task(pi, "Task_CheckIdDocument");
        taskService.claim(check.getId(), "peter");
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() ->
                        taskService.complete(check.getId(), Map.of("identityDecision", "CONFIRMED", "idCode", wrong)))
                .hasMessageContaining("not the code sent");
        assertThatThrownBy(() -> taskService.complete(check.getId(), Map.of("identityDecision", "CONFIRMED")))
                .hasMessageContaining("type the code the requester gave back");

        taskService.complete(check.getId(), Map.of("identityDecision", "CONFIRMED", "idCode", code));
        runJobs(pi);

        process(pi).isWaitingAt("Task_TriageRequest");
        assertThat(eventKinds(reference)).contains("ADDRESS_PROVEN", "ID_CHECK_DECIDED", "IDENTITY_VERIFIED");
    }

    private static int inProcessed(String messageId) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(
                "127.0.0.1",
                TestMailServer.imapPort(),
                TestMailServer.PRIVACY_MAILBOX,
                TestMailServer.PRIVACY_PASSWORD);
        try {
            Folder folder = store.getFolder("Processed");
            folder.open(Folder.READ_ONLY);
            try {
                return folder.search(new HeaderTerm("Message-ID", messageId)).length;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }
}
