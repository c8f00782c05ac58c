package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

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

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    FilterService filterService;

    private String processInstanceId;

    @BeforeEach
    void startTestProcess() {
        if (repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("group-visibility-test")
                        .count()
                == 0) {
            repositoryService
                    .createDeployment()
                    .name("group-visibility-test")
                    .addClasspathResource("processes/group-visibility-test.bpmn")
                    .deploy();
        }
        processInstanceId = runtimeService
                .startProcessInstanceByKey("group-visibility-test")
                .getId();
    }

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    private List<String> tasksSeenBy(String user, String... groups) {
        identityService.setAuthentication(user, List.of(groups));
        try {
            return taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                    .map(Task::getTaskDefinitionKey)
                    .sorted()
                    .toList();
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
    void cockpitIsForManagersAndAdminsAndTasklistForEveryWorkingGroup() {
        assertThat(canAccess("olivia", "cockpit", DeskGroups.PRIVACY_OFFICERS)).isFalse();
        assertThat(canAccess("chloe", "cockpit", DeskGroups.COMPLAINT_HANDLERS)).isFalse();
        assertThat(canAccess("mark", "cockpit", DeskGroups.MANAGERS)).isTrue();
        assertThat(canAccess("admin", "cockpit", DeskGroups.ADMINS)).isTrue();
        assertThat(canAccess("olivia", "tasklist", DeskGroups.PRIVACY_OFFICERS)).isTrue();
        assertThat(canAccess("chloe", "tasklist", DeskGroups.COMPLAINT_HANDLERS))
                .isTrue();
        assertThat(canAccess("olivia", "admin", DeskGroups.PRIVACY_OFFICERS)).isFalse();
    }

    @Test
    void eachGroupSeesItsOwnTasklistFiltersAndComplaintFiltersStayWithComplaintHandlers() {
        assertThat(filtersSeenBy("olivia", DeskGroups.PRIVACY_OFFICERS))
                .contains(
                        "Access & erasure: all by due date",
                        "Access & erasure: overdue",
                        "Access & erasure: due within 7 days")
                .noneMatch(name -> name.startsWith("Complaints"));
        assertThat(filtersSeenBy("chloe", DeskGroups.COMPLAINT_HANDLERS))
                .contains("Complaints: all by due date", "Complaints: overdue", "Complaints: due within 7 days")
                .noneMatch(name -> name.startsWith("Access & erasure"));
        assertThat(filtersSeenBy("mark", DeskGroups.MANAGERS))
                .contains("Complaints: overdue", "Access & erasure: overdue", "Manager: all by due date");
    }

    @Test
    void everyGroupsFilterShowsTheReferenceTheRequestTypeAndTheDaysLeft() {
        for (String name :
                List.of("Access & erasure: all by due date", "Complaints: overdue", "Manager: due within 7 days")) {
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            @SuppressWarnings("unchecked")
            List<Map<String, String>> columns =
                    (List<Map<String, String>>) filter.getProperties().get("variables");
            assertThat(columns)
                    .as(name)
                    .extracting(c -> c.get("name") + ": " + c.get("label"))
                    .containsExactly("reference: Reference", "requestType: Request type", "daysLeft: Days left");
        }
    }

    private boolean canAccess(String user, String application, String group) {
        return authorizationService.isUserAuthorized(
                user, List.of(group), Permissions.ACCESS, Resources.APPLICATION, application);
    }

    private List<String> filtersSeenBy(String user, String group) {
        identityService.setAuthentication(user, List.of(group));
        try {
            return filterService.createFilterQuery().list().stream()
                    .map(Filter::getName)
                    .toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void aManagerSeesBoth() {
        assertThat(tasksSeenBy("mark", DeskGroups.MANAGERS)).containsExactly("Task_HandlerWork", "Task_OfficerWork");
    }
}
