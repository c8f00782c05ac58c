package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The delegate beans wired into a small test process the way the subject-access-request model
 * wires them: each step works, and the engine (runtime and history) ends up holding counts, ids
 * and user ids only, never the subject's data or the download token.
 */
class AccessDelegatesTest extends AccessTestSupport {

    private static final String CHAIN = "test-access-delegates";
    private static final String SAME_PERSON_CHECK = "test-access-same-person";
    private static final Set<String> ALLOWED_VARIABLES = Set.of(
            "totalRecords",
            "manualSystemsCount",
            "thirdPartyItemsCount",
            "manualRecordsFound",
            "packPreparedBy",
            "packId",
            "packApprovedBy",
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
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @BeforeEach
    void deploy() {
        BpmnModelInstance chain = Bpmn.createExecutableProcess(CHAIN)
                .camundaHistoryTimeToLive(1)
                .startEvent("Start_Request")
                .serviceTask("Task_MarkVerified")
                .camundaDelegateExpression("${markIdentifiersVerified}")
                .serviceTask("Task_SearchAllSystems")
                .camundaDelegateExpression("${searchAllSystems}")
                .userTask("Task_SearchManualSystems")
                .camundaTaskListenerDelegateExpression("complete", "${recordManualSearchAnswers}")
                .serviceTask("Task_FlagThirdPartyData")
                .camundaDelegateExpression("${flagThirdPartyData}")
                .userTask("Task_ReviewRedactions")
                .camundaTaskListenerDelegateExpression("complete", "${recordRedactionDecisions}")
                .serviceTask("Task_BuildDisclosurePack")
                .camundaDelegateExpression("${buildDisclosurePack}")
                .userTask("Task_ApprovePack")
                .camundaTaskListenerDelegateExpression("complete", "${approveDisclosurePack}")
                .serviceTask("Task_CheckSecondPerson")
                .camundaDelegateExpression("${checkSecondPersonApproval}")
                .serviceTask("Task_SendPackLink")
                .camundaDelegateExpression("${sendPackLink}")
                .serviceTask("Task_CloseRequest")
                .camundaDelegateExpression("${closeAccessRequest}")
                .endEvent("End_Closed")
                .done();
        BpmnModelInstance check = Bpmn.createExecutableProcess(SAME_PERSON_CHECK)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_CheckSecondPerson")
                .camundaDelegateExpression("${checkSecondPersonApproval}")
                .boundaryEvent("Error_SamePerson")
                .error("SAME_PERSON")
                .userTask("Task_FindAnotherApprover")
                .endEvent()
                .moveToActivity("Task_CheckSecondPerson")
                .endEvent("End_Approved")
                .done();
        repositoryService
                .createDeployment()
                .name("access delegate tests")
                .enableDuplicateFiltering(true)
                .addModelInstance(CHAIN + ".bpmn", chain)
                .addModelInstance(SAME_PERSON_CHECK + ".bpmn", check)
                .deploy();
    }

    @Test
    void delegatesRunTheRequestThroughAndTheEngineKeepsNoPersonalData() throws Exception {
        String reference = logRequestForThePerson().reference();
        identifiers.assess(
                reference); // the process's assessIdentity step: the given email and phone match the class's demo
        // person
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(CHAIN, reference);

        assertThat(runtimeService.getVariables(pi.getId()).keySet())
                .containsExactlyInAnyOrder("totalRecords", "manualSystemsCount", "thirdPartyItemsCount");
        assertThat((Long) runtimeService.getVariable(pi.getId(), "totalRecords"))
                .isEqualTo(expectedIds().values().stream().mapToLong(Set::size).sum());
        assertThat(runtimeService.getVariable(pi.getId(), "manualSystemsCount")).isEqualTo(2);

        Task manual = task(pi, "Task_SearchManualSystems");
        taskService.setAssignee(manual.getId(), "olivia");
        assertThatThrownBy(() -> taskService.complete(manual.getId(), Map.of("manual_social_media", "Nothing found")))
                .hasMessageContaining("paper-files");
        taskService.complete(
                manual.getId(),
                Map.of(
                        "manual_social_media",
                        "Facebook inbox: messages from " + person.name(),
                        "manual_social_media_count",
                        2L,
                        "manual_paper_files",
                        "No paper file",
                        "manual_paper_files_count",
                        0L));
        assertThat(checklist.unanswered(reference)).isEmpty();
        assertThat(search.saved(reference))
                .filteredOn(SubjectSearch.SavedResult::manual)
                .extracting(SubjectSearch.SavedResult::answeredBy)
                .containsOnly("olivia");

        long flagged = review.count(reference);
        assertThat(runtimeService.getVariable(pi.getId(), "thirdPartyItemsCount"))
                .isEqualTo((int) flagged);
        long complaint = expectedIds().get("complaints").iterator().next();
        Task redaction = task(pi, "Task_ReviewRedactions");
        taskService.setAssignee(redaction.getId(), "olivia");
        assertThatThrownBy(() -> taskService.complete(
                        redaction.getId(),
                        Map.of(
                                "redactionDefault",
                                "KEEP",
                                "redactionDefaultReason",
                                "work role",
                                "redactionExceptions",
                                "complaints:" + complaint + ":others_involved:HIDE:x")))
                .hasMessageContaining("Unknown decision");
        taskService.complete(
                redaction.getId(),
                Map.of(
                        "redactionDefault",
                        "KEEP",
                        "redactionDefaultReason",
                        "Staff in their work role",
                        "redactionExceptions",
                        "# installer is a third party\ncomplaints:" + complaint
                                + ":others_involved:REDACT:Names the installer: not disclosed"));
        assertThat(review.undecided(reference)).isZero();
        assertThat(review.decisionCounts(reference).get(Decision.REDACT)).isEqualTo(1);
        assertThat(runtimeService.getVariable(pi.getId(), "packPreparedBy")).isEqualTo("olivia");
        String packId = (String) runtimeService.getVariable(pi.getId(), "packId");
        assertThat(packs.find(packId).orElseThrow().preparedBy()).isEqualTo("olivia");

        Task approve = task(pi, "Task_ApprovePack");
        taskService.setAssignee(approve.getId(), "olivia");
        assertThatThrownBy(() -> taskService.complete(approve.getId()))
                .hasMessageContaining("must be approved by someone other than");
        taskService.setAssignee(approve.getId(), "peter");
        taskService.complete(approve.getId(), Map.of("outcome", "DISCLOSED"));

        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
        assertThat(register.get(reference).status()).isEqualTo("CLOSED");
        assertThat(register.get(reference).outcome()).isEqualTo("DISCLOSED");
        assertThat(packs.find(packId).orElseThrow().approvedBy()).isEqualTo("peter");
        assertThat(packs.find(packId).orElseThrow().tokenHash()).isNotNull();

        List<HistoricVariableInstance> history = historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .includeDeleted()
                .list();
        assertThat(history).extracting(HistoricVariableInstance::getName).allMatch(ALLOWED_VARIABLES::contains);
        for (HistoricVariableInstance variable : history) {
            String value = String.valueOf(variable.getValue());
            assertThat(value)
                    .as(variable.getName())
                    .doesNotContain(person.lastName())
                    .doesNotContain(phoneDigits())
                    .doesNotContain("@")
                    .doesNotContain("Names the installer")
                    .doesNotContain("/packs/");
            if (variable.getName().startsWith("manual_") || variable.getName().startsWith("redaction")) {
                assertThat(variable.getValue())
                        .as(variable.getName() + " is blanked in history")
                        .isNull();
            }
        }
    }

    @Test
    void approvalBySamePersonRaisesBpmnError() {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(
                SAME_PERSON_CHECK, "SAR-TEST-SAME", Map.of("packPreparedBy", "olivia", "packApprovedBy", "olivia"));
        assertThat(task(pi, "Task_FindAnotherApprover")).isNotNull();

        ProcessInstance other = runtimeService.startProcessInstanceByKey(
                SAME_PERSON_CHECK, "SAR-TEST-OTHER", Map.of("packPreparedBy", "olivia", "packApprovedBy", "peter"));
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(other.getId())
                        .count())
                .isZero();
        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(other.getId())
                        .activityId("End_Approved")
                        .count())
                .isEqualTo(1);
    }
}
