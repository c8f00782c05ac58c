package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Request;

/**
 * Separation of duties on subject access requests, through the desk's API and the engine's REST
 * API as Tasklist uses them: who logged a request does not confirm the caller's identity; who
 * prepared a pack does not open it before a second officer approves it; a refusal waits for a
 * manager; and {@code PETER} is {@code peter} wherever four eyes are checked.
 */
class SeparationOfDutiesTest extends SarProcessTestSupport {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManualSearchChecklist checklist;

    @Test
    void theOfficerWhoLoggedAPhoneRequestCannotTakeOrCompleteTheIdentityCheck() {
        DemoPerson caller = person(290);
        String reference = logByPhone("peter", caller);
        ProcessInstance pi = instance(reference);
        process(pi).isWaitingAt("Task_ConfirmIdentity");
        String taskId = task(pi, "Task_ConfirmIdentity").getId();

        ResponseEntity<String> claim =
                post("peter", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "peter"));
        assertThat(claim.getStatusCode().is2xxSuccessful()).as(claim.getBody()).isFalse();
        assertThat(claim.getBody()).contains("another officer must check the requester's identity");
        assertThat(task(pi, "Task_ConfirmIdentity").getAssignee()).isNull();
        assertThatThrownBy(() -> taskService.claim(taskId, " PETER"))
                .as("the same user, written another way")
                .hasMessageContaining("another officer");

        // A colleague holds it; the logger cannot complete it past them either.
        assertThat(post("olivia", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "olivia"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> byLogger = complete("peter", taskId, Map.of("identityDecision", "CONFIRMED"));
        assertThat(byLogger.getStatusCode().is2xxSuccessful())
                .as(byLogger.getBody())
                .isFalse();
        assertThat(byLogger.getBody()).contains("another officer");
        process(pi).isWaitingAt("Task_ConfirmIdentity");

        assertThat(complete("olivia", taskId, Map.of("identityDecision", "CONFIRMED"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        process(pi).isWaitingAt("Task_TriageRequest");
        assertThat(register.events(register.get(reference).id()))
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo("IDENTITY_CHECKED");
                    assertThat(e.actor()).isEqualTo("olivia");
                })
                .noneSatisfy(e -> assertThat(e.kind().equals("IDENTITY_CHECKED") && "peter".equals(e.actor()))
                        .isTrue());
    }

    @Test
    void theSameHoldsForAnErasureRequestLoggedByPhone() {
        ResponseEntity<JsonNode> logged = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/requests",
                        Map.of("type", "ERASURE", "channel", "PHONE", "name", "Wren Ashdown", "phone", "01632 960871"),
                        JsonNode.class);
        assertThat(logged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ProcessInstance pi = instance(logged.getBody().get("reference").asText());
        runJobs(pi);
        String taskId = task(pi, "Task_ConfirmIdentity").getId();

        ResponseEntity<String> claim =
                post("olivia", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "olivia"));
        assertThat(claim.getStatusCode().is2xxSuccessful()).as(claim.getBody()).isFalse();
        assertThat(claim.getBody()).contains("another officer");
        assertThat(post("peter", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "peter"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void thePreparerCannotOpenThePackBeforeApprovalWhileTheApproverCan() {
        ProcessInstance pi = preparedByOlivia(person(10));
        String pack = "/api/access-requests/" + pi.getBusinessKey() + "/pack";

        ResponseEntity<String> preparer = get("olivia", pack);
        assertThat(preparer.getStatusCode()).as("the preparer").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(preparer.getBody()).contains("second officer");
        assertThat(get("mark", pack).getStatusCode())
                .as("a manager who is no candidate of the approval")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("peter", pack).getStatusCode())
                .as("a candidate who has not claimed the approval")
                .isEqualTo(HttpStatus.FORBIDDEN);

        Task approval = task(pi, "Task_ApprovePack");
        taskService.claim(approval.getId(), "peter");
        assertThat(get("peter", pack).getStatusCode())
                .as("the second officer, holding the task")
                .isEqualTo(HttpStatus.OK);
        assertThat(get("olivia", pack).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(eventKinds(pi.getBusinessKey())).contains("PACK_OPENING_REFUSED", "PACK_OPENED_BY_STAFF");

        assertThat(complete("peter", approval.getId(), Map.of("packChecked", true))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        runJobs(pi);
        assertThat(get("olivia", pack).getStatusCode())
                .as("after approval, to deliver it")
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void upperCasePeterIsPeterForThePackApprovalAndThePreview() {
        ProcessInstance pi = preparedByOlivia(person(80));
        Task approval = task(pi, "Task_ApprovePack");

        taskService.claim(approval.getId(), "OLIVIA ");
        assertThat(get("olivia", "/api/access-requests/" + pi.getBusinessKey() + "/pack")
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("packChecked", true)))
                .as("the assignee completes it, and is the preparer")
                .hasMessageContaining("someone other than");
        process(pi).isWaitingAt("Task_ApprovePack");

        taskService.setAssignee(approval.getId(), "PETER");
        taskService.complete(approval.getId(), Map.of("packChecked", true));
        runJobs(pi);
        process(pi).isEnded();
    }

    @Test
    void aRefusalWaitsForAManagersSignOffAndCanBeSentBackToTriage() {
        ProcessInstance pi = startFor(person(120), 2);
        String reference = pi.getBusinessKey();
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(
                pi,
                "Task_TriageRequest",
                "olivia",
                Map.of(
                        "triageDecision",
                        "REFUSE",
                        "refusalReason",
                        "The same request was answered in full last week."));

        process(pi).isWaitingAt("Task_ApproveRefusal");
        assertThat(letters(reference))
                .as("no refusal letter before the sign-off")
                .containsExactly("acknowledgement");
        Task signOff = task(pi, "Task_ApproveRefusal");
        ResponseEntity<String> byOfficer = complete("olivia", signOff.getId(), Map.of("refusalDecision", "SIGN_OFF"));
        assertThat(byOfficer.getStatusCode().is2xxSuccessful())
                .as("a privacy officer cannot sign it off")
                .isFalse();
        process(pi).isWaitingAt("Task_ApproveRefusal");

        assertThat(complete("mark", signOff.getId(), Map.of("refusalDecision", "BACK_TO_TRIAGE"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        runJobs(pi);
        process(pi).isWaitingAt("Task_TriageRequest");
        assertThat(letters(reference)).containsExactly("acknowledgement");

        work(
                pi,
                "Task_TriageRequest",
                "olivia",
                Map.of(
                        "triageDecision",
                        "REFUSE",
                        "refusalReason",
                        "The same request was answered in full last week."));
        assertThat(complete("mark", task(pi, "Task_ApproveRefusal").getId(), Map.of("refusalDecision", "SIGN_OFF"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        runJobs(pi);
        process(pi).isEnded();
        assertThat(register.get(reference).outcome()).isEqualTo("REFUSED");
        assertThat(letters(reference)).containsExactly("acknowledgement", "refusal");
        assertThat(register.events(register.get(reference).id()))
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo("REFUSAL_SIGNED_OFF");
                    assertThat(e.actor()).isEqualTo("mark");
                })
                .anySatisfy(e -> assertThat(e.kind()).isEqualTo("REFUSAL_SENT_BACK"));
    }

    // --- driving the request as staff do ---

    private String logByPhone(String officer, DemoPerson caller) {
        ResponseEntity<JsonNode> logged = http.withBasicAuth(officer, officer)
                .postForEntity(
                        "/api/requests",
                        Map.of(
                                "type",
                                "SUBJECT_ACCESS",
                                "channel",
                                "PHONE",
                                "name",
                                caller.name(),
                                "phone",
                                caller.phone()),
                        JsonNode.class);
        assertThat(logged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = logged.getBody().get("reference").asText();
        assertThat(register.get(reference).loggedBy()).isEqualTo(officer);
        runJobs(instance(reference));
        return reference;
    }

    private ProcessInstance instance(String reference) {
        Request request = register.get(reference);
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId())
                .singleResult();
    }

    /** Confirmed, triaged, searched and reviewed by olivia: waiting for a second officer's approval. */
    private ProcessInstance preparedByOlivia(DemoPerson person) {
        ProcessInstance pi = startFor(person, 1);
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        Map<String, Object> answers = new HashMap<>();
        for (String category : checklist.categories(pi.getBusinessKey())) {
            answers.put(
                    ManualSearchChecklist.answerField(category),
                    "Searched by every verified identifier; nothing found");
            answers.put(ManualSearchChecklist.countField(category), 0L);
        }
        work(pi, "Task_SearchManualSystems", "olivia", answers);
        if (taskService
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("Task_ReviewRedactions")
                        .count()
                > 0) {
            work(
                    pi,
                    "Task_ReviewRedactions",
                    "olivia",
                    Map.of(
                            "redactionDefault",
                            "KEEP",
                            "redactionDefaultReason",
                            "Staff acting in their work role",
                            "redactionExceptions",
                            ""));
        }
        process(pi).isWaitingAt("Task_ApprovePack");
        return pi;
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        return http.withBasicAuth(user, user).postForEntity(path, body, String.class);
    }

    /** Completes a task through the engine's REST API, as Tasklist does, with the form's fields. */
    private ResponseEntity<String> complete(String user, String taskId, Map<String, Object> fields) {
        Map<String, Object> variables = new HashMap<>();
        fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }
}
