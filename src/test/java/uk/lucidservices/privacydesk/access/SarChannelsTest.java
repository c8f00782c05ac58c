package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.intake.IntakeLog;
import uk.lucidservices.privacydesk.intake.MailboxPoller;
import uk.lucidservices.privacydesk.intake.Smtp;
import uk.lucidservices.privacydesk.intake.TestMail;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;

/**
 * The two ways a subject access request starts, end to end: a mail to the privacy mailbox (read by
 * the intake, which also hands the requester's ID reply to the waiting process) and the register
 * API for requests made by phone or letter. Either way the process runs under the reference with
 * only the reference and register id as variables, and acknowledges first.
 */
class SarChannelsTest extends SarProcessTestSupport {

    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MailboxPoller poller;

    @Autowired
    IntakeLog intakeLog;

    @Autowired
    TestRestTemplate http;

    @Test
    void aRequestMailedByACustomerStartsTheProcessWhichAcknowledgesAndAsksAnOfficerToConfirm() throws Exception {
        DemoPerson person = person(230);
        TestMail mail = TestMail.fromHeader(person.name() + " <" + person.email() + ">")
                .subject("Subject access request")
                .text("Please send me a copy of all the personal data you hold about me.");

        String reference = deliverAndPoll(mail);

        ProcessInstance pi = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(reference)
                .singleResult();
        assertThat(pi)
                .as("a subject-access-request process under %s", reference)
                .isNotNull();
        assertThat(runtimeService.getVariables(pi.getId()).keySet())
                .containsExactlyInAnyOrder("requestReference", "requestId");
        runJobs(pi);
        process(pi).isWaitingAt("Task_ConfirmIdentity");
        MimeMessage acknowledgement = mailFor(reference, reference);
        assertThat(Arrays.stream(acknowledgement.getRecipients(Message.RecipientType.TO))
                        .map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly(person.email());
        assertThat(letters(reference)).containsExactly("acknowledgement");

        JsonNode caseFile = http.withBasicAuth("olivia", "olivia")
                .getForObject("/api/access-requests/" + reference, JsonNode.class);
        assertThat(caseFile.get("requester").get("email").asText()).isEqualTo(person.email());
        assertThat(caseFile.get("requester").get("request").asText()).contains("Please send me a copy");
        assertThat(caseFile.get("matchingAccounts"))
                .singleElement()
                .satisfies(a -> assertThat(a.get("accountNumber").asText()).isEqualTo(person.accountNumber()));
        assertThat(caseFile.get("mails"))
                .singleElement()
                .satisfies(m -> assertThat(m.get("link").asText()).startsWith("/api/intake/mails/"));
        assertThat(caseFile.get("identifiers").findValuesAsText("verified")).containsOnly("false");
        assertThat(http.withBasicAuth("chloe", "chloe")
                        .getForEntity("/api/access-requests/" + reference, String.class)
                        .getStatusCode())
                .as("complaint handlers do not see access requests")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aStrangersIdSentByReplyMailReachesTheWaitingProcessAndStartsTheClock() {
        TestMail stranger = TestMail.from("Quinn Stranger");
        String reference = deliverAndPoll(stranger.subject("Subject access request")
                .text("Please send me a copy of all the personal data you hold about me."));
        ProcessInstance pi = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(reference)
                .singleResult();
        runJobs(pi);
        process(pi).isWaitingFor("requester-reply");
        assertThat(letters(reference)).containsExactly("acknowledgement", "id-request");

        deliverAndPoll(TestMail.fromHeader(stranger.fromHeader())
                .subject("Re: Please confirm your identity [" + reference + "]")
                .text("Here is my passport.")
                .attach("passport.pdf", "application/pdf", PDF));
        runJobs(pi);

        process(pi).isWaitingAt("Task_CheckIdDocument");
        assertThat(runtimeService.getVariable(pi.getId(), "replyAttachmentCount"))
                .isEqualTo(1);
        assertThat(register.get(reference).clockStart()).isEqualTo(today());
        assertThat(intakeLog.attachmentsOfRequest(register.get(reference).id())).hasSize(1);
    }

    @Test
    void aRequestLoggedThroughTheApiStartsTheProcess() {
        ResponseEntity<JsonNode> logged = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/requests",
                        Map.of(
                                "type",
                                "SUBJECT_ACCESS",
                                "channel",
                                "LETTER",
                                "name",
                                "Robin Letterwriter",
                                "email",
                                "robin.letterwriter.240@example.org"),
                        JsonNode.class);

        assertThat(logged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = logged.getBody().get("reference").asText();
        ProcessInstance pi = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(reference)
                .singleResult();
        assertThat(pi).isNotNull();
        assertThat(register.get(reference).processInstanceId()).isEqualTo(pi.getId());
        assertThat(runtimeService.getVariables(pi.getId()).keySet())
                .containsExactlyInAnyOrder("requestReference", "requestId");
        runJobs(pi);
        assertThat(letters(reference)).containsExactly("acknowledgement", "id-request");
        process(pi).isWaitingFor("requester-reply");
    }

    /** Delivers the mail over real SMTP, lets the intake read the mailbox, and returns the request it opened or matched. */
    private String deliverAndPoll(TestMail mail) {
        Smtp.send(TestMailServer.smtpPort(), mail.address(), TestMailServer.PRIVACY_MAILBOX, mail.bytes());
        MailboxPoller.PollReport report = poller.pollOnce();
        assertThat(report.failed()).as("poll error: %s", report.error()).isFalse();
        List<IntakeLog.Entry> entries = intakeLog.findByMessageId(mail.messageId());
        assertThat(entries).as("the intake read the mail").isNotEmpty();
        assertThat(entries.get(0).requestReference())
                .as(
                        "the mail opened or matched a request (outcome %s: %s)",
                        entries.get(0).outcome(), entries.get(0).reason())
                .isNotNull();
        return entries.get(0).requestReference();
    }
}
