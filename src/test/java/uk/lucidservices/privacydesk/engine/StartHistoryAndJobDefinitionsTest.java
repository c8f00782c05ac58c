package uk.lucidservices.privacydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * What a request start leaves in the engine's history (the SLA clocks keep their instance only,
 * the request's process keeps everything {@code audit} keeps), and how job definitions are read.
 */
class StartHistoryAndJobDefinitionsTest extends DeskIntegrationTest {

    private static final String ACKNOWLEDGEMENT = "Task_SendAcknowledgement";

    @Autowired
    RequestStarter starter;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    ManagementService managementService;

    @Autowired
    DefinitionReads definitionReads;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void activateJobDefinitions() {
        managementService.activateJobDefinitionByProcessDefinitionKey("subject-access-request");
    }

    @Test
    void theClocksKeepTheirInstanceInHistoryButNoActivitiesOrVariables() {
        ProcessInstance request = start();
        ProcessInstance clocks = clocksOf(request);

        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(clocks.getId())
                        .singleResult()
                        .getSuperProcessInstanceId())
                .isEqualTo(request.getId());
        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(clocks.getId())
                        .count())
                .isZero();
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(clocks.getId())
                        .count())
                .isZero();
        // The clocks run all the same: four timers wait, on the dates held as variables.
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(clocks.getId())
                        .timers()
                        .count())
                .isEqualTo(4);
        assertThat(runtimeService.getVariables(clocks.getId()))
                .containsKeys("reminderDate", "escalationDate", "internalTarget", "statutoryDeadline");
    }

    @Test
    void theRequestsOwnProcessKeepsItsActivitiesAndVariablesInHistory() {
        ProcessInstance request = start();

        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(request.getId())
                        .activityId("CallActivity_SlaClocks")
                        .count())
                .isEqualTo(1);
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(request.getId())
                        .list())
                .extracting(v -> v.getName())
                .containsExactlyInAnyOrder("requestReference", "requestId");
    }

    @Test
    void aJobDefinitionReadOnceIsNotReadAgainForTheNextJob() {
        String definition = acknowledgementDefinition(start()).getId();
        // Suspended behind the engine's back: a start that read the definition again would see it.
        jdbc.update("UPDATE ACT_RU_JOBDEF SET SUSPENSION_STATE_ = 2 WHERE ID_ = ?", definition);
        try {
            assertThat(acknowledgementOf(start()).isSuspended()).isFalse();
        } finally {
            jdbc.update("UPDATE ACT_RU_JOBDEF SET SUSPENSION_STATE_ = 1 WHERE ID_ = ?", definition);
        }
    }

    @Test
    void aJobDefinitionSuspendedThroughTheEngineHoldsTheNextJobAtOnce() {
        ProcessInstance first = start();
        assertThat(definitionReads.jobDefinitionsKept()).isPositive();

        managementService.suspendJobDefinitionById(
                acknowledgementDefinition(first).getId());

        assertThat(acknowledgementOf(start()).isSuspended()).isTrue();
    }

    @Test
    void aJobPriorityOverriddenTwiceInARowAppliesToTheNextJobEachTime() {
        String definition = acknowledgementDefinition(start()).getId();
        try {
            // Cockpit's override reads the definition and updates it in place: from a kept copy, the
            // second change would carry a stale revision and fail as concurrent.
            managementService.setOverridingJobPriorityForJobDefinition(definition, 7);
            assertThat(acknowledgementOf(start()).getPriority()).isEqualTo(7);

            managementService.setOverridingJobPriorityForJobDefinition(definition, 9);
            assertThat(acknowledgementOf(start()).getPriority()).isEqualTo(9);
        } finally {
            managementService.clearOverridingJobPriorityForJobDefinition(definition);
        }
    }

    private JobDefinition acknowledgementDefinition(ProcessInstance request) {
        return managementService
                .createJobDefinitionQuery()
                .processDefinitionId(request.getProcessDefinitionId())
                .activityIdIn(ACKNOWLEDGEMENT)
                .singleResult();
    }

    private Job acknowledgementOf(ProcessInstance request) {
        return managementService
                .createJobQuery()
                .processInstanceId(request.getId())
                .activityId(ACKNOWLEDGEMENT)
                .singleResult();
    }

    private ProcessInstance start() {
        Request request = starter.start(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name("Rowan Ashby")
                .email("rowan." + UUID.randomUUID() + "@example.net")
                .summary("Please send me a copy of my data")
                .loggedBy("test")
                .build());
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId())
                .singleResult();
    }
}
