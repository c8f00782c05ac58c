package uk.lucidservices.privacydesk.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With authorization on, each group sees its own tasks only; managers see both. */
class GroupVisibilityTest extends DeskIntegrationTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    private String processInstanceId;

    @BeforeEach
    void startTestProcess() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("group-visibility-test").count() == 0) {
            repositoryService.createDeployment().name("group-visibility-test")
                    .addClasspathResource("processes/group-visibility-test.bpmn").deploy();
        }
        processInstanceId = runtimeService.startProcessInstanceByKey("group-visibility-test").getId();
    }

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    private List<String> tasksSeenBy(String user, String... groups) {
        identityService.setAuthentication(user, List.of(groups));
        try {
            return taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                    .map(Task::getTaskDefinitionKey).sorted().toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void aComplaintHandlerCannotSeeAPrivacyOfficersTask() {
        assertThat(tasksSeenBy("chloe", DeskGroups.COMPLAINT_HANDLERS)).containsExactly("Task_HandlerWork");
    }

    @Test
    void aPrivacyOfficerCannotSeeAComplaintHandlersTask() {
        assertThat(tasksSeenBy("olivia", DeskGroups.PRIVACY_OFFICERS)).containsExactly("Task_OfficerWork");
    }

    @Test
    void aManagerSeesBoth() {
        assertThat(tasksSeenBy("mark", DeskGroups.MANAGERS)).containsExactly("Task_HandlerWork", "Task_OfficerWork");
    }
}
