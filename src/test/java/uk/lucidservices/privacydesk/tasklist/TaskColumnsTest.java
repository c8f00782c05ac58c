package uk.lucidservices.privacydesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Each group's Tasklist filters show, beside every task, the request's reference, its kind and the
 * days left to its deadline (task variables, no personal data), and a group sees its own filters
 * only. An erasure received on Monday 15 June 2026 is due a month later, Wednesday 15 July: 30 days left.
 */
class TaskColumnsTest extends DeskIntegrationTest {

    private static final List<String> COLUMNS = List.of("reference", "requestType", "daysLeft");

    @Autowired
    RequestStarter starter;

    @Autowired
    TaskService taskService;

    @Autowired
    FilterService filterService;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskColumns columns;

    @Autowired
    TestRestTemplate http;

    @Test
    void eachGroupSeesItsOwnFilterWithTheReferenceTheKindAndTheDaysLeft() {
        Map<String, List<String>> filters = Map.of(
                "olivia", filtersSeenBy("olivia", DeskGroups.PRIVACY_OFFICERS),
                "chloe", filtersSeenBy("chloe", DeskGroups.COMPLAINT_HANDLERS),
                "mark", filtersSeenBy("mark", DeskGroups.MANAGERS));
        assertThat(filters.get("olivia"))
                .contains("Access & erasure: all by due date")
                .noneMatch(n -> n.startsWith("Complaints"));
        assertThat(filters.get("chloe")).contains("Complaints: all by due date").noneMatch(n -> n.startsWith("Access"));
        assertThat(filters.get("mark")).contains("Manager: all by due date");
        for (String name : List.of(
                "Access & erasure: all by due date", "Complaints: all by due date", "Manager: all by due date")) {
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            @SuppressWarnings("unchecked")
            List<Map<String, String>> variables =
                    (List<Map<String, String>>) filter.getProperties().get("variables");
            assertThat(variables).as(name).extracting(v -> v.get("name")).containsExactlyElementsOf(COLUMNS);
            assertThat(variables)
                    .as(name)
                    .extracting(v -> v.get("label"))
                    .containsExactly("Reference", "Request type", "Days left");
        }
    }

    @Test
    void anErasuresTaskShowsItsReferenceKindAndDaysLeftInTheOfficersFilter() {
        Request erasure = starter.start(NewRequest.builder(RequestType.ERASURE, Channel.EMAIL)
                .name("Ida Columns")
                .email("ida." + UUID.randomUUID() + "@example.com")
                .loggedBy("intake")
                .build());
        runDueJobs(erasure.processInstanceId());
        Task confirm = taskService
                .createTaskQuery()
                .processInstanceId(erasure.processInstanceId())
                .taskDefinitionKey("Task_ConfirmIdentity")
                .singleResult();

        assertThat(taskService.getVariablesLocal(confirm.getId()))
                .containsEntry("reference", erasure.reference())
                .containsEntry("requestType", "erasure")
                .containsEntry("daysLeft", 30L);

        // As Tasklist lists the filter: each task with the filter's variables embedded.
        String filterId = filterService
                .createFilterQuery()
                .filterName("Access & erasure: all by due date")
                .singleResult()
                .getId();
        HttpHeaders hal = new HttpHeaders();
        hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        hal.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> list = http.withBasicAuth("olivia", "olivia")
                .exchange(
                        "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=500",
                        HttpMethod.POST,
                        new HttpEntity<>("{\"processInstanceBusinessKey\":\"" + erasure.reference() + "\"}", hal),
                        JsonNode.class);
        Map<String, String> shown = new HashMap<>();
        list.getBody().path("_embedded").path("task").forEach(task -> {
            if (task.path("id").asText().equals(confirm.getId())) {
                task.path("_embedded")
                        .path("variable")
                        .forEach(v -> shown.put(
                                v.path("name").asText(), v.path("value").asText()));
            }
        });
        assertThat(shown)
                .as("the columns Tasklist shows for the task")
                .containsEntry("reference", erasure.reference())
                .containsEntry("requestType", "erasure")
                .containsEntry("daysLeft", "30");

        // Worked out again each night from the deadline as it then stands.
        taskService.setVariableLocal(confirm.getId(), "daysLeft", 99L);
        columns.refreshDaysLeft();
        assertThat(taskService.getVariableLocal(confirm.getId(), "daysLeft")).isEqualTo(30L);
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
}
