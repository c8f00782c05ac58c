package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
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
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;

/** Through /engine-rest, no group starts a process and only break-glass modifies a running case. */
class EngineRestStartAndModifyTest extends DeskIntegrationTest {

    private static final String PASSWORD = "Engine-Rest-Test-7";
    private static final Map<String, String> USERS = Map.of(
            "restofficer",
            DeskGroups.PRIVACY_OFFICERS,
            "resthandler",
            DeskGroups.COMPLAINT_HANDLERS,
            "restmanager",
            DeskGroups.MANAGERS,
            "restadmin",
            DeskGroups.ADMINS,
            "restglass",
            "break-glass");

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    RequestStarter starter;

    @Autowired
    RequestRegister register;

    @Autowired
    GroupAuthorizations groupAuthorizations;

    @BeforeEach
    void users() {
        USERS.forEach((userId, group) -> {
            if (identityService.createUserQuery().userId(userId).count() == 0) {
                User user = identityService.newUser(userId);
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
                identityService.createMembership(userId, group);
            }
        });
    }

    @Test
    void noGroupStartsAComplaintUnderASubjectAccessRequestsReference() {
        Request sar = register.log(newRequest(RequestType.SUBJECT_ACCESS));
        String body = "{\"businessKey\":\"" + sar.reference() + "\"}";

        for (String user : USERS.keySet()) {
            ResponseEntity<String> response = post(user, "/engine-rest/process-definition/key/complaint/start", body);
            assertThat(response.getStatusCode().value()).as("start as %s", user).isIn(403, 404);
        }
        // camunda-admin holds every right; the start listener refuses it all the same, and says why.
        assertThat(post("restadmin", "/engine-rest/process-definition/key/complaint/start", body)
                        .getBody())
                .contains("Start of 'complaint' refused")
                .contains(sar.reference() + " is of type SUBJECT_ACCESS");
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(sar.reference())
                        .count())
                .isZero();
    }

    @Test
    void aManagerCannotStartALetterOrModifyACaseButABreakGlassMemberCan() {
        Request complaint = starter.start(newRequest(RequestType.COMPLAINT));
        String instance = complaint.processInstanceId();
        runDueJobs(instance);
        String modification = "{\"skipCustomListeners\":true,\"skipIoMappings\":true,\"instructions\":"
                + "[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_ResolveComplaint\"}]}";

        assertThat(post(
                                "restmanager",
                                "/engine-rest/process-definition/key/desk-letter/start",
                                "{\"businessKey\":\"" + complaint.reference() + "\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(post("restmanager", "/engine-rest/process-instance/" + instance + "/modification", modification)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(put(
                                "restmanager",
                                "/engine-rest/process-instance/" + instance + "/variables/outcome",
                                "{\"value\":\"RESOLVED\",\"type\":\"String\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(instance)
                        .taskDefinitionKey("Task_ResolveComplaint")
                        .count())
                .isZero();
        assertThat(runtimeService.getVariable(instance, "outcome")).isNull();

        assertThat(post("restglass", "/engine-rest/process-instance/" + instance + "/modification", modification)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(put(
                                "restglass",
                                "/engine-rest/process-instance/" + instance + "/variables/outcome",
                                "{\"value\":\"RESOLVED\",\"type\":\"String\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(instance)
                        .taskDefinitionKey("Task_ResolveComplaint")
                        .count())
                .isOne();
        assertThat(runtimeService.getVariable(instance, "outcome")).isEqualTo("RESOLVED");
    }

    @Test
    void startAndModifyGrantsFromAnOlderDatabaseAreTakenAway() {
        groupAuthorizations.grant(DeskGroups.COMPLAINT_HANDLERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        groupAuthorizations.grant(
                DeskGroups.COMPLAINT_HANDLERS,
                Resources.PROCESS_DEFINITION,
                "complaint",
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        groupAuthorizations.grant(DeskGroups.MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.UPDATE);
        groupAuthorizations.grant(
                DeskGroups.MANAGERS,
                Resources.PROCESS_DEFINITION,
                "*",
                ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE);

        groupAuthorizations.apply();

        List<String> handlers = List.of(DeskGroups.COMPLAINT_HANDLERS);
        List<String> managers = List.of(DeskGroups.MANAGERS);
        assertThat(authorizationService.isUserAuthorized(
                        "resthandler", handlers, Permissions.CREATE, Resources.PROCESS_INSTANCE))
                .isFalse();
        assertThat(authorizationService.isUserAuthorized(
                        "resthandler",
                        handlers,
                        ProcessDefinitionPermissions.CREATE_INSTANCE,
                        Resources.PROCESS_DEFINITION,
                        "complaint"))
                .isFalse();
        assertThat(authorizationService.isUserAuthorized(
                        "resthandler",
                        handlers,
                        ProcessDefinitionPermissions.READ_INSTANCE,
                        Resources.PROCESS_DEFINITION,
                        "complaint"))
                .isTrue();
        assertThat(authorizationService.isUserAuthorized(
                        "restmanager", managers, Permissions.UPDATE, Resources.PROCESS_INSTANCE, "any"))
                .isFalse();
        assertThat(authorizationService.isUserAuthorized(
                        "restmanager",
                        managers,
                        ProcessDefinitionPermissions.UPDATE_INSTANCE,
                        Resources.PROCESS_DEFINITION,
                        "complaint"))
                .isFalse();
        assertThat(authorizationService.isUserAuthorized(
                        "restmanager",
                        managers,
                        ProcessDefinitionPermissions.READ_INSTANCE,
                        Resources.PROCESS_DEFINITION,
                        "complaint"))
                .isTrue();
    }

    private ResponseEntity<String> post(String user, String path, String json) {
        return exchange(HttpMethod.POST, user, path, json);
    }

    private ResponseEntity<String> put(String user, String path, String json) {
        return exchange(HttpMethod.PUT, user, path, json);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private static NewRequest newRequest(RequestType type) {
        return NewRequest.builder(type, Channel.EMAIL)
                .name("Ivo Penrose")
                .email("ivo." + UUID.randomUUID() + "@example.com")
                .loggedBy("test")
                .build();
    }
}
