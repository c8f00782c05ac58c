package uk.lucidservices.privacydesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.security.DeskGroups;

/** The one way a request begins: logged, its process started with the reference as business key, and linked. */
class RequestStarterTest extends DeskIntegrationTest {

    @Autowired
    RequestStarter starter;

    @Autowired
    RequestRegister register;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @Autowired
    TestRestTemplate http;

    @Test
    void aRequestWhoseProcessIsNotDeployedStaysReceivedInTheRegister() {
        Request request = starter.start(newRequest(), "no-such-process");

        assertThat(request.status()).isEqualTo("RECEIVED");
        assertThat(request.processInstanceId()).isNull();
        assertThat(register.get(request.reference()).loggedBy()).isEqualTo("test");
    }

    @Test
    void aComplaintLoggedThroughTheApiStartsTheComplaintProcess() {
        var response = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/requests",
                        Map.of(
                                "type",
                                "COMPLAINT",
                                "channel",
                                "PHONE",
                                "name",
                                "Caller Example",
                                "phone",
                                "01632 960123"),
                        Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Request request = register.get((String) response.getBody().get("reference"));
        assertThat(request.status()).isEqualTo("OPEN");
        assertThat(request.loggedBy()).isEqualTo("olivia");
        ProcessInstance instance = runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId())
                .singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo(request.reference());
        assertThat(repositoryService
                        .getProcessDefinition(instance.getProcessDefinitionId())
                        .getKey())
                .isEqualTo("complaint");
    }

    @Test
    void aDeployedProcessIsStartedWithTheReferenceAsBusinessKeyAndOnlyReferencesAsVariables() {
        deployTestProcess();

        Request request = starter.start(newRequest(), "test-request-process");

        assertThat(request.status()).isEqualTo("OPEN");
        ProcessInstance instance = runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId())
                .singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo(request.reference());
        assertThat(runtimeService.getVariables(instance.getId()))
                .containsOnly(Map.entry("requestReference", request.reference()), Map.entry("requestId", request.id()));
    }

    @Test
    void aStaffMemberCanStartARequestWhoseProcessTheyMayNotSeeAndKeepsTheirOwnRightsAfterwards() {
        deployTestProcess();
        identityService.setAuthentication("olivia", List.of(DeskGroups.PRIVACY_OFFICERS));
        try {
            Request request = starter.start(newRequest(), "test-request-process");

            assertThat(request.processInstanceId()).isNotNull();
            assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("olivia");
            assertThat(identityService.getCurrentAuthentication().getGroupIds())
                    .containsExactly(DeskGroups.PRIVACY_OFFICERS);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void deployTestProcess() {
        repositoryService
                .createDeployment()
                .name("test-request-process")
                .enableDuplicateFiltering(true)
                .addClasspathResource("request/test-request-process.bpmn")
                .deploy();
    }

    private static NewRequest newRequest() {
        return NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.LETTER)
                .name("Fern Gale")
                .email("fern." + UUID.randomUUID() + "@example.com")
                .loggedBy("test")
                .build();
    }
}
