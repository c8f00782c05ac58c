package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.tasklist.EmbeddedForms;

/**
 * Every user task of subject-access-request opens a deployed Camunda Form in Tasklist: it names the
 * form by formRef (latest binding), the form is deployed for the 7.24 platform, and the REST API
 * Tasklist uses hands it out to the officer who works the task.
 */
class SarFormsTest extends SarProcessTestSupport {

    private static final Set<String> TASKS = Set.of(
            "Task_ConfirmIdentity",
            "Task_CheckIdDocument",
            "Task_TriageRequest",
            "Task_RecordFeePayment",
            "Task_ApproveExtension",
            "Task_ApproveExtensionAnyStage",
            "Task_ApproveRefusal",
            "Task_SearchManualSystems",
            "Task_ReviewRedactions",
            "Task_ApprovePack",
            "Task_DeliverPackAnotherWay");

    /** Tasks whose form shows the case read from the desk: an embedded form, served by the desk. */
    private static final Map<String, String> EMBEDDED = Map.of(
            "Task_ConfirmIdentity", EmbeddedForms.PREFIX + "confirm-identity.html",
            "Task_CheckIdDocument", EmbeddedForms.PREFIX + "sar-check-id.html",
            "Task_TriageRequest", EmbeddedForms.PREFIX + "sar-triage.html",
            "Task_SearchManualSystems", EmbeddedForms.PREFIX + "manual-search-checklist.html",
            "Task_ReviewRedactions", EmbeddedForms.PREFIX + "redaction-review.html",
            "Task_ApprovePack", EmbeddedForms.PREFIX + "sar-approve-pack.html");

    @Autowired
    TestRestTemplate http;

    @Test
    void everyUserTaskReferencesADeployedCamundaFormForItsGroup() throws Exception {
        ProcessDefinition definition = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS)
                .latestVersion()
                .singleResult();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
        assertThat(userTasks).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(TASKS);

        for (UserTask userTask : userTasks) {
            if (EMBEDDED.containsKey(userTask.getId())) {
                assertThat(userTask.getCamundaFormKey()).as(userTask.getId()).isEqualTo(EMBEDDED.get(userTask.getId()));
                assertThat(EmbeddedForms.file(userTask.getCamundaFormKey()))
                        .as(userTask.getId())
                        .isRegularFile();
                assertThat(userTask.getCamundaCandidateGroups())
                        .as(userTask.getId())
                        .isEqualTo("privacy-officers");
                continue;
            }
            String formRef = userTask.getCamundaFormRef();
            assertThat(formRef).as("formRef of %s", userTask.getId()).isNotBlank();
            assertThat(userTask.getCamundaFormRefBinding()).as(userTask.getId()).isEqualTo("latest");
            assertThat(userTask.getName()).as(userTask.getId()).isNotBlank();
            assertThat(userTask.getCamundaCandidateGroups())
                    .as(userTask.getId())
                    .isEqualTo(
                            Set.of("Task_ApproveExtension", "Task_ApproveExtensionAnyStage", "Task_ApproveRefusal")
                                            .contains(userTask.getId())
                                    ? "managers"
                                    : "privacy-officers");

            CamundaFormDefinitionEntity form = deployedForm(formRef);
            assertThat(form)
                    .as("deployed form %s of %s", formRef, userTask.getId())
                    .isNotNull();
            JsonNode json;
            try (InputStream in =
                    repositoryService.getResourceAsStream(form.getDeploymentId(), form.getResourceName())) {
                json = new ObjectMapper().readTree(in);
            }
            assertThat(json.get("id").asText()).isEqualTo(formRef);
            assertThat(json.get("schemaVersion").asInt()).isEqualTo(16);
            assertThat(json.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
            assertThat(json.get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
            // The deployed form is the one in forms/.
            assertThat(json)
                    .isEqualTo(new ObjectMapper()
                            .readTree(Path.of("forms", formRef + ".form").toFile()));
        }
    }

    @Test
    void tasklistGetsTheDeployedFormOfATaskThroughTheRestApi() {
        ProcessInstance pi = startFor(person(220), 1);
        Task confirm = task(pi, "Task_ConfirmIdentity");

        ResponseEntity<JsonNode> form = http.withBasicAuth("olivia", "olivia")
                .getForEntity("/engine-rest/task/" + confirm.getId() + "/form", JsonNode.class);

        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody().get("key").asText()).isEqualTo(EmbeddedForms.PREFIX + "confirm-identity.html");
        ResponseEntity<String> page = http.getForEntity("/forms/confirm-identity.html", String.class);
        assertThat(page.getStatusCode()).as("the desk serves the embedded form").isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("identityDecision")
                .doesNotContain(person(220).name());
        assertThat(http.getForEntity("/engine-rest/task/" + confirm.getId() + "/form", String.class)
                        .getStatusCode())
                .as("not without signing in")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(
                pi,
                "Task_TriageRequest",
                "olivia",
                Map.of("triageDecision", "EXTEND", "proposedExtensionReason", "Complex"));
        Task extension = task(pi, "Task_ApproveExtension");
        ResponseEntity<JsonNode> managerForm = http.withBasicAuth("mark", "mark")
                .getForEntity("/engine-rest/task/" + extension.getId() + "/deployed-form", JsonNode.class);
        assertThat(managerForm.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(managerForm.getBody().get("id").asText()).isEqualTo("sar-approve-extension");
        ResponseEntity<JsonNode> variables = http.withBasicAuth("mark", "mark")
                .getForEntity("/engine-rest/task/" + extension.getId() + "/form-variables", JsonNode.class);
        assertThat(variables
                        .getBody()
                        .get("proposedExtensionReason")
                        .get("value")
                        .asText())
                .as("the officer's reason fills the manager's form")
                .isEqualTo("Complex");
    }

    private CamundaFormDefinitionEntity deployedForm(String key) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> context.getCamundaFormDefinitionManager()
                .findLatestDefinitionByKey(key));
    }
}
