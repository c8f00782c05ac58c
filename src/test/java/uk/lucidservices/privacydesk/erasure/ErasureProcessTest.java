package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.security.DeskGroups;
import uk.lucidservices.privacydesk.tasklist.EmbeddedForms;

/**
 * The erasure delegates wired into a small test process the way {@code bpmn/erasure-request.bpmn}
 * wires them (that process is drawn separately), driven through the real engine on demo person 60:
 * forms, the four-eyes listener, a company system that fails once (its lookup column is taken
 * away, a real PostgreSQL error) and the retry, Art. 19 tasks, certificate, letter, closing, and what
 * is left of the request inside the engine afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureProcessTest extends ErasureTestSupport {

    private static final DemoPerson PERSON = TestPeople.person(ErasureProcessTest.class, 60);
    private static final String PROCESS = "erasure-delegates-test";
    private static final String BPMN_ERROR_PROCESS = "erasure-same-person-test";
    private static final String EARLIER_REQUEST_PROCESS = "earlier-request-test";
    private static final String LEGAL_CLAIM = "Needed to defend a legal claim about a disputed quotation";

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Autowired
    FormService forms;

    @Autowired
    ErasurePlan plan;

    @Autowired
    ErasureRunItems runItems;

    @Autowired
    RecipientNotices notices;

    @Autowired
    ErasureCertificate certificate;

    @Autowired
    ErasurePreview preview;

    private String deploymentId;

    @BeforeAll
    void deploy() {
        demoData();
        deploymentId = repository
                .createDeployment()
                .name("erasure delegates test")
                .addModelInstance(PROCESS + ".bpmn", erasureProcess())
                .addModelInstance(BPMN_ERROR_PROCESS + ".bpmn", samePersonProcess())
                .addModelInstance(
                        EARLIER_REQUEST_PROCESS + ".bpmn",
                        Bpmn.createExecutableProcess(EARLIER_REQUEST_PROCESS)
                                .camundaHistoryTimeToLive(1)
                                .startEvent("Start_Earlier")
                                .endEvent("End_Earlier")
                                .done())
                .deploy()
                .getId();
    }

    @AfterAll
    void undeploy() {
        repository.deleteDeployment(deploymentId, true);
    }

    @Test
    void anErasureRetriedAfterASystemFailedFinishesWithoutDoubleWorkAndLeavesNothingPersonalInTheEngine()
            throws Exception {
        // An earlier, finished request of the same person whose process kept a free-text variable.
        String earlier = logErasureRequest(PERSON).reference();
        String earlierPid = runtime.startProcessInstanceByKey(
                        EARLIER_REQUEST_PROCESS,
                        earlier,
                        Map.of("requestReference", earlier, "officerNote", "Spoke to the customer"))
                .getId();
        register.attachProcess(earlier, earlierPid);

        String reference = logErasureRequest(PERSON).reference();
        Map<String, Set<Long>> before = directSearch(PERSON);
        String pid = runtime.startProcessInstanceByKey(
                        PROCESS,
                        reference,
                        Map.of("requestReference", reference, "erasureScope", "ALL", "preparedBy", "olivia"))
                .getId();

        // The officer reviews the preview in its form and keeps the web enquiries for a legal claim.
        Task review = task(pid);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewPreview");
        assertThat(EmbeddedForms.submits(
                        forms.getTaskFormKey(review.getProcessDefinitionId(), review.getTaskDefinitionKey())))
                .contains("additionalKeeps");
        assertThat((String) runtime.getVariable(pid, "erasurePlanSummary"))
                .contains("call-recordings (Telephone system (PBX)): DELETE, "
                        + before.get("call_recording").size() + " record(s)");
        as(
                "olivia",
                DeskGroups.PRIVACY_OFFICERS,
                () -> tasks.complete(review.getId(), Map.of("additionalKeeps", "web-enquiries: " + LEGAL_CLAIM)));
        assertThat(runtime.getVariable(pid, "additionalKeeps")).isNull();
        assertThat(plan.item(reference, "web-enquiries").orElseThrow().markedBy())
                .isEqualTo("olivia");

        // The officer cannot authorise her own preview; the task stays open for a manager.
        Task authorise = task(pid);
        assertThat(EmbeddedForms.submits(
                        forms.getTaskFormKey(authorise.getProcessDefinitionId(), authorise.getTaskDefinitionKey())))
                .contains("erasureApproved");
        tasks.setAssignee(authorise.getId(), "olivia");
        assertThatThrownBy(() -> tasks.complete(authorise.getId(), Map.of("erasureApproved", "true")))
                .hasStackTraceContaining("someone other than the person who prepared");
        assertThat(task(pid).getId()).isEqualTo(authorise.getId());
        tasks.setAssignee(authorise.getId(), null);
        as("mark", DeskGroups.MANAGERS, () -> tasks.complete(authorise.getId(), Map.of("erasureApproved", "true")));
        assertThat(runtime.getVariable(pid, "authorisedBy")).isEqualTo("mark");

        // The PBX fails: erasure fails there after finishing the systems before it, and
        // the job is retried on the process's retry cycle (R3/PT5M) until its retries run out.
        Job erase = management.createJobQuery().processInstanceId(pid).singleResult();
        // Its lookup column, not the table: other systems still read which recordings the PBX points at.
        jdbc.execute("ALTER TABLE records.call_recording RENAME COLUMN cli_key TO cli_key_offline");
        try {
            assertThatThrownBy(() -> management.executeJob(erase.getId())).isInstanceOf(ErasureFailedException.class);
            Job failedOnce = management.createJobQuery().jobId(erase.getId()).singleResult();
            assertThat(failedOnce.getRetries()).isEqualTo(2);
            assertThat(failedOnce.getExceptionMessage()).startsWith("Erasure failed in Telephone system (PBX)");
            assertThat(runtime.createIncidentQuery().processInstanceId(pid).count())
                    .isZero();
            assertThat(runItems.items(reference))
                    .extracting(ErasureRunItem::categoryId)
                    .containsExactlyInAnyOrder("chat-messages", "chat-transcripts", "tm-call-recordings", "tm-leads");
            assertThatThrownBy(() -> management.executeJob(erase.getId())).isInstanceOf(ErasureFailedException.class);
            assertThatThrownBy(() -> management.executeJob(erase.getId())).isInstanceOf(ErasureFailedException.class);
        } finally {
            jdbc.execute("ALTER TABLE records.call_recording RENAME COLUMN cli_key_offline TO cli_key");
        }
        Incident incident = runtime.createIncidentQuery().processInstanceId(pid).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getIncidentMessage())
                .startsWith("Erasure failed in Telephone system (PBX) (category call-recordings)")
                .doesNotContain(PERSON.phone().replace(" ", "").substring(1))
                .doesNotContain(PERSON.name());

        // The system is back and an operator retries the job (Cockpit's "retry"): the erasure
        // finishes the rest without redoing the finished systems or counting anything twice.
        management.setJobRetries(erase.getId(), 1);
        management.executeJob(erase.getId());
        assertThat(runtime.createIncidentQuery().processInstanceId(pid).count()).isZero();
        for (ErasurePlanItem item : plan.items(reference)) {
            if (item.toErase()) {
                ErasureRunItem run = runItems.item(reference, item.categoryId()).orElseThrow();
                assertThat(run.passes()).as(item.categoryId()).isEqualTo(1);
                assertThat(run.deleted() + run.anonymised())
                        .as(item.categoryId())
                        .isEqualTo(item.recordCount());
            }
        }
        assertThat(directSearch(PERSON).get("call_recording")).isEmpty();
        assertThat(directSearch(PERSON).get("web_enquiry")).isEqualTo(before.get("web_enquiry"));
        assertThat(runtime.getVariable(pid, "leftoversFound")).isEqualTo(false);

        // Art. 19: one task per recipient of the erased data.
        List<String> told = new ArrayList<>();
        for (Task t = task(pid); t != null && t.getTaskDefinitionKey().equals("Task_NotifyRecipient"); t = task(pid)) {
            String recipient = (String) tasks.getVariable(t.getId(), "recipient");
            told.add(recipient);
            Map<String, Object> outcome = recipient.contains("TPS")
                    ? Map.of(
                            "noticeStatus",
                            "IMPOSSIBLE",
                            "noticeNote",
                            "The screening service keeps no copy of the list")
                    : Map.of("noticeStatus", "NOTIFIED", "noticeNote", "Told by internal memo");
            String id = t.getId();
            as("olivia", DeskGroups.PRIVACY_OFFICERS, () -> tasks.complete(id, outcome));
        }
        assertThat(told)
                .containsExactlyInAnyOrder(
                        "Our live-chat provider (processor)",
                        "Our telemarketing dialler provider (processor)",
                        "The TPS/CTPS screening service",
                        "Our hosted PBX platform provider (processor)",
                        "The other communications provider gaining or losing the number",
                        "The directory publisher (the BT OSIS directory database) and the directory enquiry services"
                                + " supplied from it",
                        "Our CCTV video storage provider (processor)",
                        "The police where they ask for footage to prevent or detect crime (DPA 2018 Sch. 2 para. 2)",
                        "Our CRM provider (processor)");
        assertThat(notices.pendingRecipients(reference)).isEmpty();

        runJobs(pid);
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(pid)
                        .singleResult()
                        .getEndTime())
                .isNotNull();
        assertThat(register.get(reference).status()).isEqualTo("CLOSED");
        assertThat(register.get(reference).outcome()).isEqualTo(ErasureClosing.ERASED_IN_PART);
        assertThat(certificate.issued(reference)).isPresent();

        MimeMessage letter = letterFor(reference);
        String body = plainText(letter.getContent());
        assertThat(body).contains("beyond use").contains("overwritten").contains(LEGAL_CLAIM);
        assertThat(((InternetAddress) letter.getAllRecipients()[0]).getAddress())
                .isEqualToIgnoringCase(PERSON.email());

        assertThat(historicVariables(pid))
                .extracting(HistoricVariableInstance::getName)
                .containsOnly("requestReference");
        assertThat(historicVariables(pid))
                .extracting(v -> String.valueOf(v.getValue()))
                .containsOnly(reference);
        assertThat(historicVariables(earlierPid))
                .extracting(HistoricVariableInstance::getName)
                .containsOnly("requestReference");
    }

    @Test
    void aRefusedErasureErasesNothingAndItsReasonDoesNotStayInTheEngine() {
        String reference = logErasureRequest(PERSON).reference();
        Map<String, Set<Long>> before = directSearch(PERSON);
        String pid = runtime.startProcessInstanceByKey(
                        PROCESS,
                        reference,
                        Map.of("requestReference", reference, "erasureScope", "marketing", "preparedBy", "peter"))
                .getId();
        as("olivia", DeskGroups.PRIVACY_OFFICERS, () -> tasks.complete(task(pid).getId(), Map.of()));
        as(
                "mark",
                DeskGroups.MANAGERS,
                () -> tasks.complete(
                        task(pid).getId(),
                        Map.of("erasureApproved", false, "authorisationReason", "Disputed account: legal hold")));
        runJobs(pid);

        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(pid)
                        .singleResult()
                        .getEndTime())
                .isNotNull();
        assertThat(register.get(reference).outcome()).isEqualTo(ErasureClosing.REFUSED);
        assertThat(runItems.anyStarted(reference)).isFalse();
        assertThat(directSearch(PERSON)).isEqualTo(before);
        assertThat(historicVariables(pid))
                .extracting(HistoricVariableInstance::getName)
                .containsOnly("requestReference");
    }

    @Test
    void asAServiceTaskTheFourEyesCheckThrowsTheBpmnErrorSamePerson() {
        String reference = logErasureRequest(PERSON).reference();
        preview.preview(reference, Set.of(), "mark");
        String pid = runtime.startProcessInstanceByKey(
                        BPMN_ERROR_PROCESS,
                        reference,
                        Map.of("preparedBy", "mark", "authorisedBy", "mark", "erasureApproved", true))
                .getId();
        assertThat(task(pid).getTaskDefinitionKey()).isEqualTo("Task_AskAnotherManager");
    }

    private BpmnModelInstance erasureProcess() {
        return Bpmn.createExecutableProcess(PROCESS)
                .name("Erasure delegates (test)")
                .camundaHistoryTimeToLive(1)
                .startEvent("Start_Requested")
                .serviceTask("Task_PrepareErasurePreview")
                .camundaDelegateExpression("${prepareErasurePreview}")
                .userTask("Task_ReviewPreview")
                .camundaCandidateGroups(DeskGroups.PRIVACY_OFFICERS)
                .camundaFormKey(EmbeddedForms.PREFIX + "erasure-preview-review.html")
                .camundaTaskListenerDelegateExpression("complete", "${recordKeepDecisions}")
                .userTask("Task_AuthoriseErasure")
                .camundaCandidateGroups(DeskGroups.MANAGERS)
                .camundaFormKey(EmbeddedForms.PREFIX + "erasure-authorisation.html")
                .camundaTaskListenerDelegateExpression("complete", "${checkErasureAuthoriser}")
                .exclusiveGateway("Gateway_Authorised")
                .condition("approved", "${erasureAuthorised}")
                .serviceTask("Task_EraseAcrossSystems")
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R3/PT5M")
                .camundaDelegateExpression("${eraseAcrossSystems}")
                .serviceTask("Task_AddToSuppressionList")
                .camundaDelegateExpression("${addToSuppressionList}")
                .serviceTask("Task_VerifyErasure")
                .camundaDelegateExpression("${verifyErasure}")
                .exclusiveGateway("Gateway_Leftovers")
                .condition("leftovers", "${leftoversFound}")
                .connectTo("Task_EraseAcrossSystems")
                .moveToNode("Gateway_Leftovers")
                .condition("clean", "${!leftoversFound}")
                .serviceTask("Task_ListRecipientsToNotify")
                .camundaDelegateExpression("${listRecipientsToNotify}")
                .userTask("Task_NotifyRecipient")
                .camundaCandidateGroups(DeskGroups.PRIVACY_OFFICERS)
                .camundaFormRef("recipient-notices")
                .camundaFormRefBinding("latest")
                .camundaTaskListenerDelegateExpression("complete", "${recordRecipientNotices}")
                .multiInstance()
                .sequential()
                .camundaCollection("${recipientNotices.recipients(execution.processBusinessKey)}")
                .camundaElementVariable("recipient")
                .multiInstanceDone()
                .serviceTask("Task_IssueErasureCertificate")
                .camundaDelegateExpression("${issueErasureCertificate}")
                .serviceTask("Task_SendErasureConfirmation")
                .camundaAsyncBefore()
                .camundaDelegateExpression("${sendErasureConfirmation}")
                .serviceTask("Task_CloseErasureRequest")
                .camundaDelegateExpression("${closeErasureRequest}")
                .serviceTask("Task_PurgeEngineCopy")
                .camundaAsyncBefore()
                .camundaDelegateExpression("${purgeEngineCopy}")
                .endEvent("End_Erased")
                .moveToNode("Gateway_Authorised")
                .condition("refused", "${!erasureAuthorised}")
                .serviceTask("Task_CloseRefusedRequest")
                .camundaDelegateExpression("${closeErasureRequest}")
                .serviceTask("Task_PurgeEngineCopyRefused")
                .camundaAsyncBefore()
                .camundaDelegateExpression("${purgeEngineCopy}")
                .endEvent("End_Refused")
                .done();
    }

    private BpmnModelInstance samePersonProcess() {
        return Bpmn.createExecutableProcess(BPMN_ERROR_PROCESS)
                .name("Four eyes as a service task (test)")
                .camundaHistoryTimeToLive(1)
                .startEvent("Start_Decided")
                .serviceTask("Task_CheckErasureAuthoriser")
                .camundaDelegateExpression("${checkErasureAuthoriser}")
                .endEvent("End_Authorised")
                .moveToActivity("Task_CheckErasureAuthoriser")
                .boundaryEvent("Error_SamePerson")
                .error(SamePersonException.BPMN_ERROR_CODE)
                .userTask("Task_AskAnotherManager")
                .endEvent("End_AskedAnotherManager")
                .done();
    }

    private Task task(String pid) {
        return tasks.createTaskQuery().processInstanceId(pid).singleResult();
    }

    /** Drives the asynchronous steps, as the job executor would (it is off in tests). */
    private void runJobs(String pid) {
        for (Job job = nextJob(pid); job != null; job = nextJob(pid)) {
            management.executeJob(job.getId());
        }
    }

    private Job nextJob(String pid) {
        return management.createJobQuery().processInstanceId(pid).list().stream()
                .findFirst()
                .orElse(null);
    }

    private List<HistoricVariableInstance> historicVariables(String pid) {
        return history.createHistoricVariableInstanceQuery()
                .processInstanceId(pid)
                .includeDeleted()
                .list();
    }

    private void as(String user, String group, Runnable action) {
        identity.setAuthentication(user, List.of(group));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static MimeMessage letterFor(String reference) throws Exception {
        Map<String, MimeMessage> bySubject = new HashMap<>();
        for (MimeMessage m : TestMailServer.greenMail().getReceivedMessages()) {
            bySubject.put(m.getSubject(), m);
        }
        MimeMessage letter = bySubject.get("Your erasure request is complete [" + reference + "]");
        assertThat(letter).as("confirmation letter for " + reference).isNotNull();
        return letter;
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
