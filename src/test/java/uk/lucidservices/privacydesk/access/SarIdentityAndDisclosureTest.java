package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Request;

/**
 * The subject-access-request process from receipt to closure: a matched customer confirmed by an
 * officer and sent the download link after four-eyes approval; ID asked for, received (the clock
 * starts then) or never received (the request closes); and the safety nets around approval and delivery.
 */
class SarIdentityAndDisclosureTest extends SarProcessTestSupport {

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/packs/[A-Za-z0-9_-]{43})");
    private static final Set<String> ENGINE_VARIABLES = Set.of(
            "requestReference",
            "requestId",
            "letter",
            "identityMatched",
            "identityDecision",
            "identityCheckedBy",
            "triageDecision",
            "totalRecords",
            "manualSystemsCount",
            "thirdPartyItemsCount",
            "manualRecordsFound",
            "packPreparedBy",
            "packId",
            "packApprovedBy",
            "packChecked",
            "outcome",
            "manual_social_media",
            "manual_social_media_count",
            "manual_paper_files",
            "manual_paper_files_count",
            "redactionDefault",
            "redactionDefaultReason",
            "redactionExceptions",
            // Each task's Tasklist columns (tasklist.TaskColumns): the reference, the kind, the days left.
            "reference",
            "requestType",
            "daysLeft");

    @Autowired
    ManualSearchChecklist checklist;

    @Autowired
    DisclosurePacks packs;

    @Autowired
    TestRestTemplate http;

    @Autowired
    FileStore fileStore;

    @Test
    void aMatchedCustomerIsConfirmedSearchedReviewedApprovedByASecondOfficerAndSentTheLink() throws Exception {
        DemoPerson person = person(100);
        ProcessInstance pi = startFor(person, 2);
        String reference = pi.getBusinessKey();

        process(pi).isWaitingAt("Task_ConfirmIdentity");
        assertThat(runtimeService.getVariable(pi.getId(), AssessIdentityDelegate.IDENTITY_MATCHED))
                .isEqualTo(true);
        assertThat(letters(reference)).containsExactly("acknowledgement");
        ProcessInstance clocks = clocksOf(pi);
        assertThat(clocks.getBusinessKey()).isEqualTo(reference);
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(clocks.getId())
                        .activityId("Timer_Escalation")
                        .count())
                .as("the SLA escalation timer of this request")
                .isEqualTo(1);
        assertThat(task(pi, "Task_ConfirmIdentity").getDueDate())
                .as("due in two working days")
                .isNotNull();

        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        process(pi).isWaitingAt("Task_TriageRequest");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM desk.request_identifier WHERE request_id = ? AND verified = TRUE",
                        Integer.class,
                        register.get(reference).id()))
                .isEqualTo(1);
        assertThat(register.events(register.get(reference).id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("IDENTITY_VERIFIED");
            assertThat(e.actor()).isEqualTo("olivia");
        });

        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        process(pi).isWaitingAt("Task_SearchManualSystems");
        assertThat((Long) runtimeService.getVariable(pi.getId(), "totalRecords"))
                .isPositive();

        work(pi, "Task_SearchManualSystems", "olivia", manualAnswers(reference));
        process(pi).isWaitingAt("Task_ReviewRedactions");
        assertThat((Integer) runtimeService.getVariable(pi.getId(), "thirdPartyItemsCount"))
                .isPositive();

        work(
                pi,
                "Task_ReviewRedactions",
                "olivia",
                Map.of(
                        "redactionDefault",
                        "REDACT",
                        "redactionDefaultReason",
                        "Other people's details are not disclosed",
                        "redactionExceptions",
                        ""));
        process(pi).isWaitingAt("Task_ApprovePack");
        String packId = (String) runtimeService.getVariable(pi.getId(), "packId");

        Task approval = task(pi, "Task_ApprovePack");
        taskService.claim(approval.getId(), "olivia");
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("packChecked", true)))
                .hasMessageContaining("someone other than");
        taskService.setAssignee(approval.getId(), "peter");
        ResponseEntity<byte[]> opened = http.withBasicAuth("peter", "peter")
                .getForEntity("/api/access-requests/" + reference + "/pack", byte[].class);
        assertThat(opened.getStatusCode())
                .as("the second officer, holding the approval, opens the pack")
                .isEqualTo(HttpStatus.OK);
        assertThat(opened.getBody())
                .isEqualTo(Files.readAllBytes(
                        fileStore.resolve(packs.find(packId).orElseThrow().filePath())));
        assertThat(http.withBasicAuth("chloe", "chloe")
                        .getForEntity("/api/access-requests/" + reference + "/pack", String.class)
                        .getStatusCode())
                .as("complaint handlers may not")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(register.events(register.get(reference).id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("PACK_OPENED_BY_STAFF");
            assertThat(e.actor()).isEqualTo("peter");
        });
        work(pi, "Task_ApprovePack", "peter", Map.of("packChecked", true));

        process(pi).isEnded();
        Request closed = register.get(reference);
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.outcome()).isEqualTo("DISCLOSED");
        assertThat(clocksEnded(pi)).as("the terminate end stops the clocks").isTrue();
        assertThat(letters(reference)).containsExactly("acknowledgement", "pack-ready");
        assertThat(packs.find(packId).orElseThrow().approvedBy()).isEqualTo("peter");

        MimeMessage mail = mailFor(reference, "/packs/");
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly(person.emailVariants().get(1));
        Matcher link = LINK.matcher(text(mail));
        assertThat(link.find()).isTrue();
        assertThat(http.getForEntity(link.group(1), byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(packs.downloads(packId)).isEqualTo(1);

        assertEngineKeptNoPersonalData(pi, person);
    }

    @Test
    void withoutAMatchTheDeskAsksForIdStartsTheClockWhenItArrivesAndAsksAgainIfItIsNotAcceptable() throws Exception {
        ProcessInstance pi = startRequest("someone.unknown.110@example.org", null, 5);
        String reference = pi.getBusinessKey();

        assertThat(runtimeService.getVariable(pi.getId(), AssessIdentityDelegate.IDENTITY_MATCHED))
                .isEqualTo(false);
        process(pi).isWaitingFor("requester-reply");
        assertThat(letters(reference)).containsExactly("acknowledgement", "id-request");
        Job timer = idTimer(pi);
        // desk.access.id-wait P1M from Monday 15 June 2026: to the end of Wednesday 15 July, UK time.
        assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-07-15T22:59:59Z")));
        assertThat(text(mailFor(reference, "confirm who you are"))).contains("15 July 2026");

        replyFromRequester(pi, 1);
        process(pi).isWaitingAt("Task_CheckIdDocument");
        assertThat(register.get(reference).clockStart())
                .as("the clock starts on receipt of ID")
                .isEqualTo(today());
        assertThat(eventKinds(reference)).contains("CLOCK_START_MOVED");

        work(pi, "Task_CheckIdDocument", "olivia", Map.of("identityDecision", "ASK_FOR_ID"));
        process(pi).isWaitingFor("requester-reply");
        assertThat(letters(reference)).containsExactly("acknowledgement", "id-request", "id-request");
        assertThat(idTimer(pi)).as("a new wait with a new due date").isNotNull();

        replyFromRequester(pi, 2);
        Task check = task(pi, "Task_CheckIdDocument");
        taskService.claim(check.getId(), "peter");
        assertThatThrownBy(() -> taskService.complete(check.getId(), Map.of("identityDecision", "CONFIRMED")))
                .as("the address matches no customer: the officer accepts it on its own first")
                .hasMessageContaining("on no single customer account");
        taskService.setAssignee(check.getId(), null);
        long email = jdbc.queryForObject(
                "SELECT id FROM desk.request_identifier WHERE request_id = ? AND kind = 'EMAIL'",
                Long.class,
                register.get(reference).id());
        assertThat(http.withBasicAuth("peter", "peter")
                        .postForEntity(
                                "/api/requests/" + reference + "/identifiers/" + email + "/accept", null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        work(pi, "Task_CheckIdDocument", "peter", Map.of("identityDecision", "CONFIRMED"));
        process(pi).isWaitingAt("Task_TriageRequest");
        assertThat(register.events(register.get(reference).id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("IDENTITY_VERIFIED");
            assertThat(e.actor()).isEqualTo("peter");
        });
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .activityId("Timer_IdNotReceived")
                        .count())
                .as("the ID wait is over")
                .isZero();
    }

    @Test
    void contactDetailsOfTwoDifferentCustomersAreReasonableDoubt() {
        ProcessInstance pi = startRequest(person(250).email(), person(260).phone(), 1);

        assertThat(runtimeService.getVariable(pi.getId(), AssessIdentityDelegate.IDENTITY_MATCHED))
                .isEqualTo(false);
        process(pi).isWaitingFor("requester-reply");
        assertThat(letters(pi.getBusinessKey())).containsExactly("acknowledgement", "id-request");
        assertThat(register.events(register.get(pi.getBusinessKey()).id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("IDENTITY_ASSESSED");
            assertThat(e.detail()).contains("customer accounts matched=2");
        });
    }

    @Test
    void anOfficerWithDoubtsAboutAMatchedCustomerAsksForId() {
        ProcessInstance pi = startFor(person(180), 1);
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "ASK_FOR_ID"));

        process(pi).isWaitingFor("requester-reply");
        assertThat(letters(pi.getBusinessKey())).containsExactly("acknowledgement", "id-request");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM desk.request_identifier WHERE request_id = ? AND verified = TRUE",
                        Integer.class,
                        register.get(pi.getBusinessKey()).id()))
                .as("nothing verified yet")
                .isZero();
    }

    @Test
    void aRequestWithNoIdByTheDueDateIsClosedWithALetter() {
        ProcessInstance pi = startRequest("someone.unknown.190@example.org", null, 1);
        String reference = pi.getBusinessKey();

        Job timer = idTimer(pi);
        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService.executeJob(timer.getId());
        runJobs(pi);

        process(pi).isEnded();
        assertThat(register.get(reference).outcome()).isEqualTo("CLOSED_NO_ID");
        assertThat(register.get(reference).status()).isEqualTo("CLOSED");
        assertThat(letters(reference)).containsExactly("acknowledgement", "id-request", "id-not-received");
        assertThat(clocksEnded(pi)).isTrue();
        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(pi.getId())
                        .activityId("Task_SearchAllSystems")
                        .count())
                .as("nothing was searched")
                .isZero();
    }

    @Test
    void approvalThatTheSecondPersonCheckRejectsGoesBackToApproval() {
        ProcessInstance pi = toApproval(person(200));
        // The approval listener already refuses the preparer; the check after it is the safety net
        // for a preparer recorded differently. Make the recorded preparer the approver to trip it.
        runtimeService.setVariable(pi.getId(), "packPreparedBy", "peter");
        work(pi, "Task_ApprovePack", "peter", Map.of("packChecked", true));

        process(pi).isWaitingAt("Task_ApprovePack");
        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(pi.getId())
                        .activityId("Error_SamePersonApproved")
                        .count())
                .isEqualTo(1);
        assertThat(letters(pi.getBusinessKey())).doesNotContain("pack-ready");
    }

    @Test
    void withoutAVerifiedEmailAddressAnOfficerDeliversThePackAnotherWay() {
        ProcessInstance pi = toApproval(person(210));
        String reference = pi.getBusinessKey();
        // The verified address turned out not to be the requester's: the officer unverified it.
        jdbc.update(
                "UPDATE desk.request_identifier SET verified = FALSE WHERE request_id = ? AND kind = 'EMAIL'",
                register.get(reference).id());
        work(pi, "Task_ApprovePack", "peter", Map.of("packChecked", true));

        process(pi).isWaitingAt("Task_DeliverPackAnotherWay");
        assertThat(letters(reference)).doesNotContain("pack-ready");
        Task deliver = task(pi, "Task_DeliverPackAnotherWay");
        taskService.claim(deliver.getId(), "olivia");
        assertThatThrownBy(() -> taskService.complete(
                        deliver.getId(), Map.of("deliveryMethod", "POST", "deliveryConfirmed", false)))
                .hasMessageContaining("Confirm");
        taskService.setAssignee(deliver.getId(), null);
        work(pi, "Task_DeliverPackAnotherWay", "olivia", Map.of("deliveryMethod", "POST", "deliveryConfirmed", true));

        process(pi).isEnded();
        assertThat(register.get(reference).outcome()).isEqualTo("DISCLOSED");
        assertThat(register.events(register.get(reference).id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("PACK_DELIVERED");
            assertThat(e.actor()).isEqualTo("olivia");
            assertThat(e.detail()).contains("method=POST");
        });
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(reference)
                        .count())
                .isZero();
    }

    /** Confirmed, triaged, searched, reviewed by olivia: waiting for a second officer's approval. */
    private ProcessInstance toApproval(DemoPerson person) {
        ProcessInstance pi = startFor(person, 1);
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        work(pi, "Task_SearchManualSystems", "olivia", manualAnswers(pi.getBusinessKey()));
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
        process(pi).isWaitingAt("Task_ApprovePack");
        return pi;
    }

    private Map<String, Object> manualAnswers(String reference) {
        Map<String, Object> answers = new HashMap<>();
        for (String category : checklist.categories(reference)) {
            answers.put(
                    ManualSearchChecklist.answerField(category),
                    "Searched by every verified identifier; nothing found");
            answers.put(ManualSearchChecklist.countField(category), 0L);
        }
        return answers;
    }

    private Job idTimer(ProcessInstance pi) {
        List<Job> timers = managementService
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId("Timer_IdNotReceived")
                .list();
        assertThat(timers).hasSize(1);
        return timers.get(0);
    }

    /** Runtime and history hold references, ids, counts, decisions and user ids: nothing the requester wrote. */
    private void assertEngineKeptNoPersonalData(ProcessInstance pi, DemoPerson person) {
        List<HistoricVariableInstance> history = historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .includeDeleted()
                .list();
        assertThat(history).extracting(HistoricVariableInstance::getName).allMatch(ENGINE_VARIABLES::contains);
        String digits = person.phone().replace(" ", "").substring(1);
        for (HistoricVariableInstance variable : history) {
            String value = String.valueOf(variable.getValue());
            assertThat(value)
                    .as(variable.getName())
                    .doesNotContain(person.lastName())
                    .doesNotContain("@")
                    .doesNotContain(digits)
                    .doesNotContain("/packs/");
        }
    }
}
