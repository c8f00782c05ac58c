package uk.lucidservices.privacydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
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
 * Which version of a process a start by key, and a call activity bound to the latest version, find:
 * the one {@link DefinitionReads} read within its window, the next version at once when it was
 * deployed on this node, and never another tenant's.
 */
class LatestProcessDefinitionReadsTest extends DeskIntegrationTest {

    /** Two test processes: the caller calls the callee (latest binding), both wait at a user task. */
    private static final String CALLER = "definition-reads-caller";

    private static final String CALLEE = "definition-reads-callee";

    @Autowired
    RequestStarter starter;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    DefinitionReads definitionReads;

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> deployments = new ArrayList<>();

    private final List<String> rowsWrittenBehindTheEnginesBack = new ArrayList<>();

    @AfterEach
    void undeploy() {
        rowsWrittenBehindTheEnginesBack.forEach(id -> jdbc.update("DELETE FROM ACT_RE_PROCDEF WHERE ID_ = ?", id));
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
        definitionReads.clear();
    }

    @Test
    void aRequestStartWithinTheWindowReadsNeitherLatestVersionAgain() {
        ProcessInstance first = startRequest();
        ProcessInstance firstClocks = clocksOf(first);
        // As another node's deployment would, without telling this one: a start that read either
        // latest version again would find these (and fail, since their deployment does not hold them).
        newerVersionBehindTheEnginesBack(first.getProcessDefinitionId());
        newerVersionBehindTheEnginesBack(firstClocks.getProcessDefinitionId());

        ProcessInstance second = startRequest();

        assertThat(second.getProcessDefinitionId()).isEqualTo(first.getProcessDefinitionId());
        assertThat(clocksOf(second).getProcessDefinitionId()).isEqualTo(firstClocks.getProcessDefinitionId());
        assertThat(definitionReads.latestProcessDefinitionsKept()).isPositive();
    }

    @Test
    void aVersionDeployedOnThisNodeIsStartedAndCalledByTheNextStart() {
        deploy();
        ProcessInstance first = runtimeService.startProcessInstanceByKey(CALLER);
        assertThat(version(first)).isEqualTo(1);
        assertThat(version(callee(first))).isEqualTo(1);

        deploy();
        ProcessInstance second = runtimeService.startProcessInstanceByKey(CALLER);

        assertThat(version(second)).isEqualTo(2);
        assertThat(version(callee(second))).isEqualTo(2);
    }

    @Test
    void aProcessSuspendedOnThisNodeRefusesTheNextStartAndStartsAgainOnceActivated() {
        deploy();
        runtimeService.startProcessInstanceByKey(CALLER);

        repositoryService.suspendProcessDefinitionByKey(CALLER);

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(CALLER))
                .isInstanceOf(SuspendedEntityInteractionException.class);

        repositoryService.activateProcessDefinitionByKey(CALLER);

        assertThat(version(runtimeService.startProcessInstanceByKey(CALLER))).isEqualTo(1);
    }

    @Test
    void aTenantsVersionIsNeverTakenForTheVersionWithoutTenant() {
        deploy();
        runtimeService.startProcessInstanceByKey(CALLER);
        ProcessDefinition withoutTenant = latest(CALLER, null);

        deployments.add(repositoryService
                .createDeployment()
                .name("definition reads test, tenant a")
                .tenantId("tenant-a")
                .addModelInstance(CALLER + ".bpmn", caller())
                .deploy()
                .getId());

        // Two tenants now have the key: a start that names none is refused, as the engine does.
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(CALLER))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("multiple tenants");
        assertThat(runtimeService
                        .createProcessInstanceByKey(CALLER)
                        .processDefinitionWithoutTenantId()
                        .execute()
                        .getProcessDefinitionId())
                .isEqualTo(withoutTenant.getId());
        // Tenant a has no callee: its caller finds none and fails, rather than calling the one
        // without tenant that this node has just read.
        assertThatThrownBy(() -> runtimeService
                        .createProcessInstanceByKey(CALLER)
                        .processDefinitionTenantId("tenant-a")
                        .execute())
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining(CALLEE)
                .hasMessageContaining("tenant-a");
    }

    @Test
    void anotherNodesVersionIsReadWhenTheWindowEnds() {
        deploy();
        long[] now = {1_000_000};
        DefinitionReads reads = new DefinitionReads(() -> now[0]);
        String first = latestThrough(reads);

        // Deployed through the engine, which tells its own DefinitionReads, not this one: for this
        // one it is another node's deployment.
        deploy();
        String second = latest(CALLER, null).getId();
        now[0] += DefinitionReads.TTL_MILLIS - 1;
        assertThat(latestThrough(reads)).isEqualTo(first).isNotEqualTo(second);

        now[0] += 1;
        assertThat(latestThrough(reads)).isEqualTo(second);
    }

    /** The id of the caller's latest version, as a start by key finds it through {@code reads}. */
    private String latestThrough(DefinitionReads reads) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        DefinitionReads.CachingProcessDefinitionManager manager = reads.new CachingProcessDefinitionManager();
        return configuration.getCommandExecutorTxRequired().execute(context -> manager.findLatestDefinitionByKey(CALLER)
                .getId());
    }

    private void deploy() {
        deployments.add(repositoryService
                .createDeployment()
                .name("definition reads test")
                .addModelInstance(CALLER + ".bpmn", caller())
                .addModelInstance(CALLEE + ".bpmn", callee())
                .deploy()
                .getId());
    }

    private static BpmnModelInstance caller() {
        return Bpmn.createExecutableProcess(CALLER)
                .name("Definition reads caller (test)")
                .camundaHistoryTimeToLive(1)
                .startEvent("Start_Caller")
                .callActivity("Call_Callee")
                .calledElement(CALLEE)
                .userTask("Task_AfterCall")
                .endEvent("End_Caller")
                .done();
    }

    private static BpmnModelInstance callee() {
        return Bpmn.createExecutableProcess(CALLEE)
                .name("Definition reads callee (test)")
                .camundaHistoryTimeToLive(1)
                .startEvent("Start_Callee")
                .userTask("Task_Wait")
                .endEvent("End_Callee")
                .done();
    }

    private ProcessDefinition latest(String key, String tenantId) {
        var query = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .latestVersion();
        return (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId)).singleResult();
    }

    private ProcessInstance callee(ProcessInstance caller) {
        return runtimeService
                .createProcessInstanceQuery()
                .superProcessInstanceId(caller.getId())
                .singleResult();
    }

    private int version(ProcessInstance instance) {
        return repositoryService
                .getProcessDefinition(instance.getProcessDefinitionId())
                .getVersion();
    }

    /** A copy of the definition's row one version up, with an id of its own, written by SQL. */
    private void newerVersionBehindTheEnginesBack(String processDefinitionId) {
        String id = "another-node-" + UUID.randomUUID();
        jdbc.update("""
                INSERT INTO ACT_RE_PROCDEF (ID_, REV_, CATEGORY_, NAME_, KEY_, VERSION_, DEPLOYMENT_ID_,
                    RESOURCE_NAME_, DGRM_RESOURCE_NAME_, HAS_START_FORM_KEY_, SUSPENSION_STATE_, TENANT_ID_,
                    VERSION_TAG_, HISTORY_TTL_, STARTABLE_)
                SELECT ?, REV_, CATEGORY_, NAME_, KEY_, VERSION_ + 1, DEPLOYMENT_ID_, RESOURCE_NAME_,
                    DGRM_RESOURCE_NAME_, HAS_START_FORM_KEY_, SUSPENSION_STATE_, TENANT_ID_, VERSION_TAG_,
                    HISTORY_TTL_, STARTABLE_
                FROM ACT_RE_PROCDEF WHERE ID_ = ?
                """, id, processDefinitionId);
        rowsWrittenBehindTheEnginesBack.add(id);
    }

    private ProcessInstance startRequest() {
        Request request = starter.start(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name("Ellis Marwood")
                .email("ellis." + UUID.randomUUID() + "@example.net")
                .summary("Please send me a copy of my data")
                .loggedBy("test")
                .build());
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId())
                .singleResult();
    }
}
