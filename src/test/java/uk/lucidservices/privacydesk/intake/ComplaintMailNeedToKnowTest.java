package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Need to know for complaints, through the real mailbox and HTTP: complaint mail, its attachments
 * and complainants' replies are for complaint handlers and managers. To a privacy officer they
 * answer exactly as an id or reference that does not exist (404), and the other way round.
 */
class ComplaintMailNeedToKnowTest extends IntakeTestSupport {

    private static final byte[] PDF = "%PDF-1.4\n%complaint evidence\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final long NO_SUCH_MAIL = 987_654_321L;

    @Autowired
    TestRestTemplate http;

    @Test
    void aPrivacyOfficerGets404ForAComplaintMailItsAttachmentAndItsReferenceAsIfNoneExisted() {
        TestMail complainant = TestMail.from("Nadia Quarrie");
        IntakeLog.Entry entry = deliverAndPoll(complainant
                .subject("Formal complaint")
                .text("I want to complain about the engineer who visited on Tuesday. Photo attached.")
                .attach("photo.pdf", "application/pdf", PDF));
        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.STARTED);
        assertThat(entry.requestType()).isEqualTo(RequestType.COMPLAINT);
        long attachmentId = intakeLog.attachments(entry.id()).get(0).id();
        String mail = "/api/intake/mails/" + entry.id();
        String attachment = mail + "/attachments/" + attachmentId;
        String complaint = "/api/requests/" + entry.requestReference();

        for (String path : List.of(mail, attachment, complaint)) {
            ResponseEntity<String> asOfficer = get("olivia", path);
            assertThat(asOfficer.getStatusCode()).as("olivia, %s", path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(asOfficer.getBody())
                    .as("olivia, %s", path)
                    .doesNotContain(complainant.address())
                    .doesNotContain("engineer");
            assertThat(get("chloe", path).getStatusCode()).as("chloe, %s", path).isEqualTo(HttpStatus.OK);
            assertThat(get("mark", path).getStatusCode()).as("mark, %s", path).isEqualTo(HttpStatus.OK);
        }
        assertThat(get("chloe", mail).getBody()).contains("engineer").contains("photo.pdf");
        assertThat(get("chloe", attachment).getBody()).contains("complaint evidence");
        assertThat(get("olivia", "/api/intake/mails/" + NO_SUCH_MAIL).getStatusCode())
                .as("the same answer as for a mail that does not exist")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("olivia", "/api/intake/mails/" + NO_SUCH_MAIL + "/attachments/" + attachmentId)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aComplaintHandlerGets404ForTheMailOfAnAccessRequestAndForItsReference() {
        TestMail requester = TestMail.from("Otto Ferrand");
        IntakeLog.Entry entry = deliverAndPoll(requester
                .subject("Subject access request")
                .text("Please send me a copy of all the personal data you hold about me."));
        assertThat(entry.requestType()).isEqualTo(RequestType.SUBJECT_ACCESS);

        for (String path : List.of("/api/intake/mails/" + entry.id(), "/api/requests/" + entry.requestReference())) {
            assertThat(get("chloe", path).getStatusCode()).as("chloe, %s", path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get("olivia", path).getStatusCode())
                    .as("olivia, %s", path)
                    .isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void aComplainantsReplyLandsInTheComplaintHandlersTriageQueueNotThePrivacyOfficers() {
        TestMail complainant = TestMail.from("Pia Lindqvist");
        IntakeLog.Entry complaint = deliverAndPoll(complainant
                .subject("Complaint about my bill")
                .text("I am writing to complain: my bill doubled without notice."));
        assertThat(complaint.requestType()).isEqualTo(RequestType.COMPLAINT);

        // The complaint process waits for no reply, so the desk cannot file it by itself: a person must.
        IntakeLog.Entry reply = deliverAndPoll(TestMail.fromHeader(complainant.fromHeader())
                .subject("Re: [" + complaint.requestReference() + "] my bill")
                .text("Further to my complaint, here is last month's bill.")
                .attach("bill.pdf", "application/pdf", PDF));
        assertThat(reply.outcome()).isEqualTo(IntakeOutcome.TRIAGE);

        Task triage = taskService
                .createTaskQuery()
                .processInstanceBusinessKey("MAIL-" + reply.id())
                .singleResult();
        assertThat(taskService.getIdentityLinksForTask(triage.getId()))
                .filteredOn(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly(DeskGroups.COMPLAINT_HANDLERS);

        String tasks = "/engine-rest/task?processInstanceBusinessKey=MAIL-" + reply.id();
        assertThat(http.withBasicAuth("olivia", "olivia").getForObject(tasks, JsonNode.class))
                .as("olivia's queue")
                .isEmpty();
        assertThat(http.withBasicAuth("chloe", "chloe").getForObject(tasks, JsonNode.class))
                .as("chloe's queue")
                .hasSize(1);
        assertThat(get("olivia", "/engine-rest/task/" + triage.getId())
                        .getStatusCode()
                        .is2xxSuccessful())
                .isFalse();
        assertThat(get("chloe", "/engine-rest/task/" + triage.getId() + "/form").getBody())
                .contains("mail-triage.html");
        assertThat(get("olivia", "/api/intake/mails/" + reply.id() + "/details").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("chloe", "/api/intake/mails/" + reply.id() + "/details").getBody())
                .contains("last month's bill");
        assertThat(get("olivia", "/api/intake/mails/" + reply.id()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("chloe", "/api/intake/mails/" + reply.id()).getBody()).contains("last month's bill");
    }

    @Test
    void otherMailStillLandsWithPrivacyOfficersOnly() {
        IntakeLog.Entry entry = deliverAndPoll(
                TestMail.from("Rafe Odum").subject("Hello").text("Do you sell CCTV cameras for a small shop?"));
        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.TRIAGE);

        String tasks = "/engine-rest/task?processInstanceBusinessKey=MAIL-" + entry.id();
        assertThat(http.withBasicAuth("olivia", "olivia").getForObject(tasks, JsonNode.class))
                .hasSize(1);
        assertThat(http.withBasicAuth("chloe", "chloe").getForObject(tasks, JsonNode.class))
                .isEmpty();
    }

    @Test
    void anOfficerCannotPointTheirOwnTriageAtAComplaintMailBySendingAnotherIntakeId() {
        IntakeLog.Entry complaint = deliverAndPoll(TestMail.from("Vita Kersh")
                .subject("Formal complaint")
                .text("I want to complain about the engineer who fitted my cameras."));
        assertThat(RequestType.fromReference(complaint.requestReference())).isEqualTo(RequestType.COMPLAINT);
        IntakeLog.Entry own = deliverAndPoll(
                TestMail.from("Wes Palethorpe").subject("Hello").text("Do you install CCTV for churches?"));
        Task triage = taskService
                .createTaskQuery()
                .processInstanceBusinessKey("MAIL-" + own.id())
                .singleResult();

        ResponseEntity<String> done = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/engine-rest/task/" + triage.getId() + "/complete",
                        Map.of(
                                "variables",
                                Map.of(
                                        "triageDecision",
                                        Map.of("value", "SUBJECT_ACCESS"),
                                        "intakeId",
                                        Map.of("value", complaint.id(), "type", "Long"))),
                        String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(intakeLog.find(complaint.id()).orElseThrow().requestReference())
                .as("the complaint's mail is untouched")
                .isEqualTo(complaint.requestReference());
        assertThat(get("olivia", "/api/intake/mails/" + complaint.id()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(RequestType.fromReference(
                        intakeLog.find(own.id()).orElseThrow().requestReference()))
                .as("the decision applied to the officer's own mail")
                .isEqualTo(RequestType.SUBJECT_ACCESS);
    }

    @Test
    void aMailAnOfficerTriagesAsAComplaintMovesToTheComplaintHandlers() {
        TestMail sender = TestMail.from("Sol Brannigan");
        IntakeLog.Entry entry = deliverAndPoll(sender.subject("Not happy")
                .text("Your salesman rang me four times yesterday after I said no. This is unacceptable."));
        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        Task triage = taskService
                .createTaskQuery()
                .processInstanceBusinessKey("MAIL-" + entry.id())
                .singleResult();
        assertThat(get("olivia", "/api/intake/mails/" + entry.id()).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        ResponseEntity<String> done = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/engine-rest/task/" + triage.getId() + "/complete",
                        Map.of("variables", Map.of("triageDecision", Map.of("value", "COMPLAINT"))),
                        String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        String reference = intakeLog.find(entry.id()).orElseThrow().requestReference();
        assertThat(RequestType.fromReference(reference)).isEqualTo(RequestType.COMPLAINT);
        assertThat(get("olivia", "/api/intake/mails/" + entry.id()).getStatusCode())
                .as("once it is a complaint's mail")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("olivia", "/api/requests/" + reference).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("chloe", "/api/intake/mails/" + entry.id()).getBody()).contains("salesman");
        runDueJobs(register.get(reference).processInstanceId());
        String complaintTasks = "/engine-rest/task?processInstanceBusinessKey=" + reference;
        assertThat(http.withBasicAuth("olivia", "olivia").getForObject(complaintTasks, JsonNode.class))
                .isEmpty();
        assertThat(http.withBasicAuth("chloe", "chloe").getForObject(complaintTasks, JsonNode.class))
                .isNotEmpty();
    }

    @Test
    void filingAMailOnAComplaintInTriageAnswersAPrivacyOfficerAsForAReferenceThatDoesNotExist() {
        IntakeLog.Entry complaint = deliverAndPoll(TestMail.from("Tam Oyelaran")
                .subject("Complaint")
                .text("I want to complain about the noise from your CCTV installers."));
        assertThat(complaint.requestType()).isEqualTo(RequestType.COMPLAINT);
        IntakeLog.Entry mail = deliverAndPoll(TestMail.from("Uma Fennick")
                .subject("About my neighbour")
                .text("My neighbour told me to write to you about the installers."));
        assertThat(mail.outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        Task triage = taskService
                .createTaskQuery()
                .processInstanceBusinessKey("MAIL-" + mail.id())
                .singleResult();

        String existing = fileAsReply(triage, complaint.requestReference());
        String missing = fileAsReply(triage, "CMP-1999-000001");
        assertThat(existing).contains("There is no request " + complaint.requestReference() + ":");
        assertThat(existing.replace(complaint.requestReference(), "X"))
                .isEqualTo(missing.replace("CMP-1999-000001", "X"));
        assertThat(taskService.createTaskQuery().taskId(triage.getId()).count())
                .as("the task stays open")
                .isEqualTo(1);
    }

    /** Completes the triage task as olivia through the REST API; returns the refusal's message. */
    private String fileAsReply(Task triage, String reference) {
        ResponseEntity<JsonNode> refused = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/engine-rest/task/" + triage.getId() + "/complete",
                        Map.of(
                                "variables",
                                Map.of(
                                        "triageDecision",
                                        Map.of("value", "REPLY"),
                                        "replyReference",
                                        Map.of("value", reference))),
                        JsonNode.class);
        assertThat(refused.getStatusCode().is2xxSuccessful())
                .as("filing on %s", reference)
                .isFalse();
        return refused.getBody().get("message").asText();
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, user).getForEntity(path, String.class);
    }
}
