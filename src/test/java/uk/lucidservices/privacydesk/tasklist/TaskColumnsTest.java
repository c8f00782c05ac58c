package uk.lucidservices.privacydesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
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

/**
 * A task carries the columns the groups' Tasklist filters show beside it (the filters themselves:
 * {@code security.GroupVisibilityTest}): the request's reference, its kind and the days left to its
 * deadline, as task variables with no personal data. An erasure received on Monday 15 June 2026 is
 * due a month later, Wednesday 15 July: 30 days left.
 */
class TaskColumnsTest extends DeskIntegrationTest {

    @Autowired
    RequestStarter starter;

    @Autowired
    TaskService taskService;

    @Autowired
    FilterService filterService;

    @Autowired
    TaskColumns columns;

    @Autowired
    TestRestTemplate http;

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
}
