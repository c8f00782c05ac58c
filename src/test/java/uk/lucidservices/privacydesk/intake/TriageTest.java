package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.lucidservices.privacydesk.ProcessAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.DeskGroups;
import uk.lucidservices.privacydesk.tasklist.EmbeddedForms;

/**
 * A mail the intake could not place is a task for privacy officers in Tasklist: they read it,
 * then start the request it is, file it as a reply, or discard it with a reason. The decision is
 * recorded on the intake log with who made it.
 */
class TriageTest extends IntakeTestSupport {

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identityService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    TriageStarter triageStarter;

    @Test
    void aMailThatArrivesOnTheFridayBeforeABankHolidayIsDueByTheEndOfTheSecondWorkingDay() {
        // Friday 28 August 2026, 15:00 UK time; Monday 31 August is the summer bank holiday in England
        // and Wales. First working day after: Tuesday 1 September (follow-up, from its start); second:
        // Wednesday 2 September (due, by its end).
        String instanceId = triageStarter.start(
                999_001L,
                "Test: the triage task's dates",
                ukTime("2026-08-28T15:00:00").toInstant(),
                DeskGroups.PRIVACY_OFFICERS);
        Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(task.getFollowUpDate()).isEqualTo(ukTime("2026-09-01T00:00:00"));
        assertThat(task.getDueDate()).isEqualTo(ukTime("2026-09-02T23:59:59"));
        runtimeService.deleteProcessInstance(instanceId, "test over");
    }

    @Test
    void aPrivacyOfficerReadsTheMailInTasklistAndStartsTheRequestItIs() {
        TestMail mail = TestMail.from("Gail Hart")
                .subject("Question")
                .text("Hi, I'd like to know what you have on file for me. My mobile is 07700 900456.")
                .attach("licence.pdf", "application/pdf", PDF);
        IntakeLog.Entry entry = deliverAndPoll(mail);
        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        String taskId = triageTask(entry).getId();

        // Olivia sees the task and its form through the REST API Tasklist uses, and can read the mail.
        assertThat(asOlivia()
                        .getForEntity("/engine-rest/task/" + taskId, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> form = asOlivia().getForEntity("/engine-rest/task/" + taskId + "/form", String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains(EmbeddedForms.PREFIX + "mail-triage.html");
        assertThat(EmbeddedForms.submits(EmbeddedForms.PREFIX + "mail-triage.html"))
                .contains("triageDecision");
        // The form shows the mail as data read with the officer's session, never from the task's variables.
        ResponseEntity<String> details =
                asOlivia().getForEntity("/api/intake/mails/" + entry.id() + "/details", String.class);
        assertThat(details.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(details.getBody())
                .contains("what you have on file for me")
                .contains(mail.address())
                .contains("licence.pdf")
                .contains("\"subject\"");
        ResponseEntity<String> page = asOlivia().getForEntity("/api/intake/mails/" + entry.id(), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("what you have on file for me")
                .contains(mail.address())
                .contains("licence.pdf");
        assertThat(http.withBasicAuth("chloe", "chloe")
                        .getForEntity("/api/intake/mails/" + entry.id(), String.class)
                        .getStatusCode())
                .as("not complaint handlers' mail: as if it did not exist")
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> done = asOlivia()
                .postForEntity(
                        "/engine-rest/task/" + taskId + "/complete",
                        Map.of("variables", Map.of("triageDecision", Map.of("value", "SUBJECT_ACCESS"))),
                        String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        IntakeLog.Entry decided = intakeLog.find(entry.id()).orElseThrow();
        assertThat(decided.resolution()).isEqualTo("STARTED");
        assertThat(decided.resolvedBy()).isEqualTo("olivia");
        Request request = register.get(decided.requestReference());
        assertThat(request.type()).isEqualTo(RequestType.SUBJECT_ACCESS);
        assertThat(request.requesterEmail()).isEqualTo(mail.address());
        assertThat(request.requesterPhone()).isEqualTo("07700 900456");
        assertThat(request.receivedAt().toInstant())
                .as("the clock runs from the mail's arrival")
                .isEqualTo(entry.arrivedAt().toInstant());
        assertThat(request.loggedBy()).isEqualTo("olivia");
        assertThat(intakeLog.attachmentsOfRequest(request.id())).hasSize(1);
        // The subject access process acknowledges as its first step.
        runStepsUntilALetterIsSent(request);
        assertThat(mailsTo(mail.address())).singleElement().satisfies(m -> assertThat(m.getSubject())
                .contains(request.reference()));
    }

    @Test
    void aDiscardNeedsAReasonAndRecordsWhoDiscardedIt() {
        IntakeLog.Entry entry = deliverAndPoll(
                TestMail.from("Hal Ives").subject("Cheap watches").text("Buy now"));
        Task task = triageTask(entry);
        ProcessInstance triage = processOf(entry);

        assertThatThrownBy(() -> completeAsOlivia(task, Map.of("triageDecision", "DISCARD")))
                .hasMessageContaining("Choose why the mail is discarded");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
                .as("the task stays open")
                .isEqualTo(1);

        completeAsOlivia(task, Map.of("triageDecision", "DISCARD", "discardReason", "SPAM"));

        IntakeLog.Entry decided = intakeLog.find(entry.id()).orElseThrow();
        assertThat(decided.resolution()).isEqualTo("DISCARDED");
        assertThat(decided.resolutionReason()).isEqualTo("SPAM");
        assertThat(decided.resolvedBy()).isEqualTo("olivia");
        assertThat(decided.requestId()).isNull();
        assertThat(triage).isEnded().hasPassed("EndEvent_MailDiscarded");
    }

    @Test
    void aMailCanBeFiledAsTheReplyToARequestItForgotToName() {
        repositoryService
                .createDeployment()
                .name("test-awaits-requester-reply")
                .enableDuplicateFiltering(true)
                .addClasspathResource("intake/test-awaits-requester-reply.bpmn")
                .deploy();
        TestMail person = TestMail.from("Ida Jay");
        Request request = register.log(NewRequest.builder(RequestType.ERASURE, Channel.EMAIL)
                .email(person.address())
                .loggedBy("test")
                .build());
        ProcessInstance waiting =
                runtimeService.startProcessInstanceByKey("test-awaits-requester-reply", request.reference());
        register.attachProcess(request.reference(), waiting.getId());
        IntakeLog.Entry entry = deliverAndPoll(TestMail.fromHeader(person.fromHeader())
                .subject("Re: your letter")
                .text("Here it is")
                .attach("id.pdf", "application/pdf", PDF));
        Task task = triageTask(entry);

        assertThatThrownBy(() ->
                        completeAsOlivia(task, Map.of("triageDecision", "REPLY", "replyReference", "ERA-1999-000001")))
                .hasMessageContaining("There is no request ERA-1999-000001");

        completeAsOlivia(
                task,
                Map.of(
                        "triageDecision",
                        "REPLY",
                        "replyReference",
                        request.reference().toLowerCase()));

        assertThat(waiting).hasPassed("Event_RequesterReplied");
        assertThat(runtimeService.getVariable(waiting.getId(), "replyAttachmentCount"))
                .isEqualTo(1);
        assertThat(intakeLog.find(entry.id()).orElseThrow().resolution()).isEqualTo("FILED_AS_REPLY");
        assertThat(intakeLog.attachmentsOfRequest(request.id())).hasSize(1);
    }

    @Test
    void aQuarantinedMailWithoutSenderCannotBecomeARequestByMistake() {
        IntakeLog.Entry entry = deliverAndPoll(
                TestMail.from("No One").withoutFrom().subject("delete my data").text("please delete my data"));
        Task task = triageTask(entry);

        assertThatThrownBy(() -> completeAsOlivia(task, Map.of("triageDecision", "ERASURE")))
                .hasMessageContaining("no sender address");
        ResponseEntity<String> page = asOlivia().getForEntity("/api/intake/mails/" + entry.id(), String.class);
        assertThat(page.getBody()).contains("QUARANTINED").contains("please delete my data");
    }

    private TestRestTemplate asOlivia() {
        return http.withBasicAuth("olivia", "olivia");
    }

    private Task triageTask(IntakeLog.Entry entry) {
        return taskService
                .createTaskQuery()
                .processInstanceId(entry.triageInstanceId())
                .singleResult();
    }

    private ProcessInstance processOf(IntakeLog.Entry entry) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(entry.triageInstanceId())
                .singleResult();
    }

    private void completeAsOlivia(Task task, Map<String, Object> variables) {
        identityService.setAuthentication("olivia", List.of(DeskGroups.PRIVACY_OFFICERS));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
