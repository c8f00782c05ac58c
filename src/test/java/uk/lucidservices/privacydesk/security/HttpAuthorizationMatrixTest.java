package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Who may call what, through the real HTTP stack: every desk endpoint and the engine REST endpoints
 * that read or change cases, once anonymously and once as a member of each group, with the status
 * each must answer. A desk endpoint or exposed actuator endpoint without a row fails the build.
 * <p>
 * One line per row: method, the desk's mapping (as in its controller; {@code null} for the engine's
 * API), the URL called ({@code {sar}} etc. are the fixtures below), the body, then the expected
 * status for: anonymous, privacy officer, complaint handler, manager, camunda-admin, break-glass.
 * When a mismatch fails the test, its message lists every row as it actually answered.
 */
class HttpAuthorizationMatrixTest extends DeskIntegrationTest {

    private static final String PASSWORD = "Matrix-Test-Password-9";
    private static final String NONE = null;
    private static final String SCRIPT_DEPLOYMENT = "<multipart: a BPMN with a script task>";
    /** The callers, in the order of the expected statuses; null is anonymous. */
    private static final List<String> CALLERS =
            List.of("", "matrixofficer", "matrixhandler", "matrixmanager", "matrixadmin", "matrixglass");

    private static final Map<String, String> GROUP_OF = Map.of(
            "matrixofficer",
            DeskGroups.PRIVACY_OFFICERS,
            "matrixhandler",
            DeskGroups.COMPLAINT_HANDLERS,
            "matrixmanager",
            DeskGroups.MANAGERS,
            "matrixadmin",
            DeskGroups.ADMINS,
            "matrixglass",
            "break-glass");

    private static final String NEW_SAR =
            "{\"type\":\"SUBJECT_ACCESS\",\"channel\":\"PHONE\",\"name\":\"Hester Quill\",\"phone\":\"01632 960555\"}";
    private static final String START_UNDER_SAR = "{\"businessKey\":\"{sar}\",\"variables\":{}}";
    private static final String START =
            "{\"businessKey\":\"{sar}\",\"variables\":{\"letterTemplate\":{\"value\":\"acknowledgement\",\"type\":\"String\"}}}";
    private static final String MODIFY =
            "{\"skipCustomListeners\":true,\"skipIoMappings\":true,\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"{sarActivity}\"}]}";
    private static final String CLARIFICATION = "{\"question\":\"Which calls do you mean?\"}";
    private static final String VARIABLE = "{\"value\":\"probe\",\"type\":\"String\"}";
    private static final String VARIABLES =
            "{\"modifications\":{\"matrixProbe\":{\"value\":\"probe\",\"type\":\"String\"}}}";

    //                                              anonymous, officer, handler, manager, admin, break-glass
    private static final List<Row> ROWS = List.of(
            // The desk's own API
            desk("POST", "/api/requests", "/api/requests", NEW_SAR, 401, 201, 201, 201, 201, 403),
            desk("GET", "/api/requests/{reference}", "/api/requests/{sar}", NONE, 401, 200, 404, 200, 200, 403),
            desk("GET", "/api/requests/{reference}", "/api/requests/{cmp}", NONE, 401, 404, 200, 200, 200, 403),
            // Letters that go by post, as staff print them: the request's team and managers
            desk(
                    "GET",
                    "/api/requests/{reference}/letters-to-post",
                    "/api/requests/{sar}/letters-to-post",
                    NONE,
                    401,
                    200,
                    404,
                    200,
                    200,
                    403),
            desk(
                    "GET",
                    "/api/requests/{reference}/letters-to-post",
                    "/api/requests/{cmp}/letters-to-post",
                    NONE,
                    401,
                    404,
                    200,
                    200,
                    200,
                    403),
            // An extension asked at any stage: the request's team and managers; a complaint has none (409).
            // One ask at a time: the officer's ask waits for a manager, so the later callers who may ask get
            // 409 (already with a manager) where a caller who may not gets 403 or 404.
            desk(
                    "POST",
                    "/api/requests/{reference}/extension",
                    "/api/requests/{sar}/extension",
                    NONE,
                    401,
                    202,
                    404,
                    409,
                    409,
                    403),
            desk(
                    "POST",
                    "/api/requests/{reference}/extension",
                    "/api/requests/{cmp}/extension",
                    NONE,
                    401,
                    404,
                    409,
                    409,
                    409,
                    403),
            // A clarification asked at any stage: the request's team and managers. The access request waits for
            // the ID it asked for, so its clock has not started (409 once past the group and need-to-know checks);
            // a complaint takes none (409)
            desk(
                    "POST",
                    "/api/requests/{reference}/clarification",
                    "/api/requests/{sar}/clarification",
                    CLARIFICATION,
                    401,
                    409,
                    404,
                    409,
                    409,
                    403),
            desk(
                    "POST",
                    "/api/requests/{reference}/clarification",
                    "/api/requests/{cmp}/clarification",
                    CLARIFICATION,
                    401,
                    404,
                    409,
                    409,
                    409,
                    403),
            desk(
                    "GET",
                    "/api/access-requests/{reference}",
                    "/api/access-requests/{sar}",
                    NONE,
                    401,
                    200,
                    403,
                    200,
                    200,
                    403),
            desk(
                    "GET",
                    "/api/access-requests/{reference}",
                    "/api/access-requests/{cmp}",
                    NONE,
                    401,
                    404,
                    403,
                    404,
                    404,
                    403),
            // A subject access request is not one of the other rights: not found, for those who may look.
            desk(
                    "GET",
                    "/api/rights-requests/{reference}",
                    "/api/rights-requests/{sar}",
                    NONE,
                    401,
                    404,
                    403,
                    404,
                    404,
                    403),
            desk(
                    "GET",
                    "/api/access-requests/{reference}/redaction-items",
                    "/api/access-requests/{sar}/redaction-items",
                    NONE,
                    401,
                    200,
                    403,
                    200,
                    200,
                    403),
            desk(
                    "GET",
                    "/api/access-requests/{reference}/pack",
                    "/api/access-requests/{sar}/pack",
                    NONE,
                    401,
                    404,
                    403,
                    404,
                    404,
                    403),
            desk("GET", "/api/intake/mails/{id}", "/api/intake/mails/999999999", NONE, 401, 404, 404, 404, 404, 403),
            desk(
                    "GET",
                    "/api/intake/mails/{id}/details",
                    "/api/intake/mails/999999999/details",
                    NONE,
                    401,
                    404,
                    404,
                    404,
                    404,
                    403),
            desk(
                    "GET",
                    "/api/erasure-requests/{reference}/preview",
                    "/api/erasure-requests/{sar}/preview",
                    NONE,
                    401,
                    404,
                    403,
                    404,
                    404,
                    403),
            // Erasure by hand: the items for officers and managers; recording (done, not possible, evidence file) by
            // privacy officers only, and of them only the one holding the open task (ErasureByHandTest); an access
            // request has none (404).
            desk(
                    "GET",
                    "/api/erasure-requests/{reference}/by-hand",
                    "/api/erasure-requests/{sar}/by-hand",
                    NONE,
                    401,
                    404,
                    403,
                    404,
                    404,
                    403),
            desk(
                    "POST",
                    "/api/erasure-requests/{reference}/by-hand/{category}/done",
                    "/api/erasure-requests/{sar}/by-hand/social-media/done",
                    "Deleted",
                    401,
                    404,
                    403,
                    403,
                    404,
                    403),
            desk(
                    "POST",
                    "/api/erasure-requests/{reference}/by-hand/{category}/not-possible",
                    "/api/erasure-requests/{sar}/by-hand/social-media/not-possible",
                    "Account closed",
                    401,
                    404,
                    403,
                    403,
                    404,
                    403),
            desk(
                    "POST",
                    "/api/erasure-requests/{reference}/by-hand/{category}/evidence",
                    "/api/erasure-requests/{sar}/by-hand/social-media/evidence?name=shot.png",
                    "{}",
                    401,
                    404,
                    403,
                    403,
                    404,
                    403),
            // Embedded Tasklist forms: pages without data, which read the case with the webapp session
            desk("GET", null, "/forms/redaction-review.html", NONE, 200, 200, 200, 200, 200, 200),
            desk(
                    "GET",
                    "/api/intake/mails/{id}/attachments/{attachmentId}",
                    "/api/intake/mails/999999999/attachments/1",
                    NONE,
                    401,
                    404,
                    404,
                    404,
                    404,
                    403),
            desk(
                    "GET",
                    "/api/requests/{reference}/identifiers",
                    "/api/requests/{sar}/identifiers",
                    NONE,
                    401,
                    200,
                    403,
                    200,
                    200,
                    403),
            desk(
                    "GET",
                    "/api/requests/{reference}/identifiers",
                    "/api/requests/{cmp}/identifiers",
                    NONE,
                    401,
                    404,
                    403,
                    404,
                    404,
                    403),
            // Identifier decisions and address proofs are the privacy officers' (and the admin's, who passes every
            // group check); an identifier id on no request answers 404
            desk(
                    "POST",
                    "/api/requests/{reference}/identifiers/{id}/accept",
                    "/api/requests/{sar}/identifiers/999999999/accept",
                    NONE,
                    401,
                    404,
                    403,
                    403,
                    404,
                    403),
            desk(
                    "POST",
                    "/api/requests/{reference}/identifiers/{id}/reject",
                    "/api/requests/{sar}/identifiers/999999999/reject",
                    NONE,
                    401,
                    404,
                    403,
                    403,
                    404,
                    403),
            desk(
                    "POST",
                    "/api/requests/{reference}/identifiers/{id}/code",
                    "/api/requests/{sar}/identifiers/999999999/code",
                    NONE,
                    401,
                    404,
                    403,
                    403,
                    404,
                    403),
            desk(
                    "POST",
                    "/api/requests/{reference}/identifiers/{id}/code/check",
                    "/api/requests/{sar}/identifiers/999999999/code/check",
                    "{\"code\":\"000000\"}",
                    401,
                    404,
                    403,
                    403,
                    404,
                    403),
            // A file found by hand, for the pack: privacy officers (and admins); "nope" is on no checklist.
            desk(
                    "POST",
                    "/api/access-requests/{reference}/manual-files/{category}",
                    "/api/access-requests/{sar}/manual-files/nope?name=scan.pdf",
                    "{}",
                    401,
                    400,
                    403,
                    403,
                    400,
                    403),
            desk("GET", "/api/sla/requests", "/api/sla/requests", NONE, 401, 403, 403, 200, 200, 403),
            // The phone system's do-not-record feed: its own group (and admins) only; see DoNotRecordFeedTest for the
            // PBX
            desk("GET", "/api/pbx/do-not-record", "/api/pbx/do-not-record", NONE, 401, 403, 403, 403, 200, 403),
            desk("GET", "/api/pbx/do-not-record.csv", "/api/pbx/do-not-record.csv", NONE, 401, 403, 403, 403, 200, 403),
            desk(
                    "POST",
                    "/api/chat-transcripts/{transcriptId}/copy-requests",
                    "/api/chat-transcripts/999999999/copy-requests",
                    "{\"email\":\"matrix@example.com\"}",
                    401,
                    404,
                    403,
                    404,
                    404,
                    403),
            desk("GET", "/api/sla/requests.csv", "/api/sla/requests.csv", NONE, 401, 403, 403, 200, 200, 403),
            desk("GET", "/api/sla/report", "/api/sla/report", NONE, 401, 403, 403, 200, 200, 403),
            desk("GET", "/packs/{token}", "/packs/not-a-real-token", NONE, 404, 404, 404, 404, 404, 404),
            // The API's OpenAPI description (springdoc): any desk user, as the API's own login
            desk("GET", null, "/api/openapi", NONE, 401, 200, 200, 200, 200, 200),
            // Actuator
            desk("GET", null, "/actuator/health", NONE, 200, 200, 200, 200, 200, 200),
            desk("GET", null, "/actuator/health/liveness", NONE, 200, 200, 200, 200, 200, 200),
            desk("GET", null, "/actuator/health/readiness", NONE, 200, 200, 200, 200, 200, 200),
            desk("GET", null, "/actuator/info", NONE, 200, 200, 200, 200, 200, 200),
            desk("GET", null, "/actuator/prometheus", NONE, 401, 200, 200, 200, 200, 200),
            desk("GET", null, "/actuator/metrics", NONE, 401, 200, 200, 200, 200, 200),
            // The engine's REST API: reading cases (need to know)
            engine("GET", "/engine-rest/process-definition", NONE, 401, 200, 200, 200, 200, 200),
            engine("GET", "/engine-rest/task/{sarTask}", NONE, 401, 200, 404, 200, 200, 404),
            engine("GET", "/engine-rest/task/{cmpTask}", NONE, 401, 404, 200, 200, 200, 404),
            engine("GET", "/engine-rest/process-instance/{sarInstance}", NONE, 401, 200, 404, 200, 200, 200),
            engine("GET", "/engine-rest/process-instance/{cmpInstance}", NONE, 401, 404, 200, 200, 200, 200),
            engine("GET", "/engine-rest/process-instance/{sarInstance}/variables", NONE, 401, 200, 403, 200, 200, 200),
            engine("GET", "/engine-rest/variable-instance/{sarVariable}", NONE, 401, 200, 404, 200, 200, 200),
            engine("GET", "/engine-rest/history/process-instance/{sarInstance}", NONE, 401, 200, 404, 200, 200, 200),
            engine("GET", "/engine-rest/history/process-instance/{cmpInstance}", NONE, 401, 404, 200, 200, 200, 200),
            engine(
                    "GET",
                    "/engine-rest/history/variable-instance?processInstanceId={sarInstance}&includeDeleted=true",
                    NONE,
                    401,
                    200,
                    200,
                    200,
                    200,
                    200),
            engine(
                    "GET",
                    "/engine-rest/history/task?processInstanceId={cmpInstance}",
                    NONE,
                    401,
                    200,
                    200,
                    200,
                    200,
                    200),
            // The engine's REST API: starting and steering cases (only the desk; modification is break-glass)
            // (404: a group that may not even read the process finds no process to start)
            engine(
                    "POST",
                    "/engine-rest/process-definition/key/complaint/start",
                    START_UNDER_SAR,
                    401,
                    404,
                    403,
                    403,
                    403,
                    403),
            engine(
                    "POST",
                    "/engine-rest/process-definition/key/subject-access-request/start",
                    START_UNDER_SAR,
                    401,
                    403,
                    404,
                    403,
                    403,
                    403),
            engine(
                    "POST",
                    "/engine-rest/process-definition/key/desk-letter/start",
                    START,
                    401,
                    404,
                    404,
                    403,
                    403,
                    403),
            engine(
                    "POST",
                    "/engine-rest/process-instance/{sarInstance}/modification",
                    MODIFY,
                    401,
                    403,
                    403,
                    403,
                    204,
                    204),
            engine(
                    "PUT",
                    "/engine-rest/process-instance/{sarInstance}/variables/matrixProbe",
                    VARIABLE,
                    401,
                    403,
                    403,
                    403,
                    204,
                    204),
            engine(
                    "POST",
                    "/engine-rest/process-instance/{sarInstance}/variables",
                    VARIABLES,
                    401,
                    403,
                    403,
                    403,
                    204,
                    204),
            // Whoever may work a task may also set variables through it, as completing it with a form does.
            engine("POST", "/engine-rest/task/{sarTask}/variables", VARIABLES, 401, 204, 403, 204, 204, 403),
            engine("POST", "/engine-rest/deployment/create", SCRIPT_DEPLOYMENT, 401, 403, 403, 403, 400, 403));

    /**
     * The one change a Tasklist form makes with the webapp session instead of HTTP Basic: an identifier
     * accepted or rejected in the identity form. Each row signs in to Tasklist as the caller (anonymous:
     * no session) and sends the POST as the form does: with the webapps' CSRF token, without it, with a
     * wrong one, or from another site's page. Only the token and the request's own team pass (an
     * identifier on no request then answers 404; admins pass every group check; a user who may not
     * sign in to Tasklist has no session). The same statuses as {@link #ROWS}, anonymous first.
     */
    //                                                                          anonymous, officer, handler, manager,
    // admin, break-glass
    private static final List<SessionRow> SESSION_ROWS = List.of(
            session("accept", SessionRow.TOKEN, null, 401, 404, 403, 403, 404, 401),
            session("reject", SessionRow.TOKEN, null, 401, 404, 403, 403, 404, 401),
            session("accept", SessionRow.NO_TOKEN, null, 401, 401, 401, 401, 401, 401),
            session("reject", SessionRow.WRONG_TOKEN, null, 401, 401, 401, 401, 401, 401),
            session("accept", SessionRow.TOKEN, "https://elsewhere.example", 403, 403, 403, 403, 403, 403),
            session("reject", SessionRow.TOKEN, "https://elsewhere.example", 403, 403, 403, 403, 403, 403));

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    RequestStarter starter;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping deskMappings;

    @Autowired
    PathMappedEndpoints actuatorEndpoints;

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        createCallers();
        Map<String, String> fixtures = fixtures();

        List<String> mismatches = new ArrayList<>();
        List<String> actualTable = new ArrayList<>();
        for (Row row : ROWS) {
            int[] actual = new int[CALLERS.size()];
            for (int i = 0; i < CALLERS.size(); i++) {
                actual[i] = call(row, CALLERS.get(i), fixtures);
                if (actual[i] != row.expected()[i]) {
                    mismatches.add(row.method() + " " + row.url() + " as " + caller(i) + ": expected "
                            + row.expected()[i] + ", got " + actual[i]);
                }
            }
            actualTable.add(row.withExpected(actual).toString());
        }
        assertThat(mismatches)
                .as("Every row as it actually answered:%n%s%n", String.join("\n", actualTable))
                .isEmpty();
    }

    @Test
    void identifierDecisionsWithTheTasklistSessionNeedTheCsrfTokenAndTheRequestsTeam() {
        createCallers();
        Map<String, String> fixtures = fixtures();
        Map<String, TasklistSession> sessions = new HashMap<>();
        for (String caller : CALLERS) {
            sessions.put(caller, caller.isEmpty() ? null : tasklistSession(caller));
        }

        List<String> mismatches = new ArrayList<>();
        List<String> actualTable = new ArrayList<>();
        for (SessionRow row : SESSION_ROWS) {
            int[] actual = new int[CALLERS.size()];
            for (int i = 0; i < CALLERS.size(); i++) {
                actual[i] = sessionCall(row, sessions.get(CALLERS.get(i)), fixtures);
                if (actual[i] != row.expected()[i]) {
                    mismatches.add(row + " as " + caller(i) + ": expected " + row.expected()[i] + ", got " + actual[i]);
                }
            }
            actualTable.add(row.withExpected(actual).toString());
        }
        assertThat(mismatches)
                .as("Every row as it actually answered:%n%s%n", String.join("\n", actualTable))
                .isEmpty();
    }

    @Test
    void everyDeskEndpointHasARow() {
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> entry :
                deskMappings.getHandlerMethods().entrySet()) {
            var handler = (HandlerMethod) entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("uk.lucidservices.privacydesk")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (methods.isEmpty()) {
                    mapped.add("ANY " + pattern);
                }
                methods.forEach(method -> mapped.add(method.name() + " " + pattern));
            }
        }
        Set<String> inTable = ROWS.stream()
                .filter(row -> row.mapping() != null)
                .map(row -> row.method() + " " + row.mapping())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(mapped)
                .as("desk endpoints in the controllers; add a row for each new one")
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(inTable);
    }

    @Test
    void everyExposedActuatorEndpointHasARow() {
        for (PathMappedEndpoint endpoint : actuatorEndpoints) {
            String path = "/actuator/" + endpoint.getRootPath();
            assertThat(ROWS).as("a row for %s", path).anyMatch(row -> row.url().equals(path));
        }
    }

    private int call(Row row, String caller, Map<String, String> fixtures) {
        HttpHeaders headers = new HttpHeaders();
        if (!caller.isEmpty()) {
            headers.setBasicAuth(caller, PASSWORD);
        }
        Object body = null;
        if (SCRIPT_DEPLOYMENT.equals(row.body())) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("deployment-name", "matrix-script");
            parts.add("data", new ByteArrayResource(scriptProcess().getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "matrix-script.bpmn";
                }
            });
            body = parts;
        } else if (row.body() != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = fill(row.body(), fixtures);
        }
        return http.exchange(
                        fill(row.url(), fixtures),
                        HttpMethod.valueOf(row.method()),
                        new HttpEntity<>(body, headers),
                        String.class)
                .getStatusCode()
                .value();
    }

    private static String fill(String template, Map<String, String> fixtures) {
        String filled = template;
        for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
            filled = filled.replace("{" + fixture.getKey() + "}", fixture.getValue());
        }
        return filled;
    }

    /** An access request waiting for its identity check and a complaint waiting to be categorised. */
    private Map<String, String> fixtures() {
        Request sar = starter.start(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name("Hester Quill")
                .email("hester." + UUID.randomUUID() + "@example.com")
                .loggedBy("matrix")
                .build());
        Request complaint = starter.start(NewRequest.builder(RequestType.COMPLAINT, Channel.EMAIL)
                .name("Hester Quill")
                .email("hester." + UUID.randomUUID() + "@example.com")
                .loggedBy("matrix")
                .build());
        runDueJobs(sar.processInstanceId());
        runDueJobs(complaint.processInstanceId());
        // The requester matches no customer, so the access request waits for ID; put its identity check in front
        // of an officer as a matching requester would have (the set-up is the desk's, not an HTTP caller's).
        runtimeService
                .createProcessInstanceModification(sar.processInstanceId())
                .startBeforeActivity("Task_ConfirmIdentity")
                .execute(true, true);
        Task sarTask = firstTask(sar);
        Task complaintTask = firstTask(complaint);
        String sarVariable = runtimeService
                .createVariableInstanceQuery()
                .processInstanceIdIn(sar.processInstanceId())
                .variableName("requestReference")
                .singleResult()
                .getId();
        return Map.of(
                "sar",
                sar.reference(),
                "cmp",
                complaint.reference(),
                "sarInstance",
                sar.processInstanceId(),
                "cmpInstance",
                complaint.processInstanceId(),
                "sarTask",
                sarTask.getId(),
                "cmpTask",
                complaintTask.getId(),
                "sarActivity",
                sarTask.getTaskDefinitionKey(),
                "sarVariable",
                sarVariable);
    }

    private Task firstTask(Request request) {
        List<Task> tasks = taskService
                .createTaskQuery()
                .processInstanceId(request.processInstanceId())
                .list();
        assertThat(tasks).as("open tasks of the fixture %s", request.type()).isNotEmpty();
        return tasks.get(0);
    }

    private void createCallers() {
        GROUP_OF.forEach((userId, group) -> {
            if (identityService.createUserQuery().userId(userId).count() == 0) {
                User user = identityService.newUser(userId);
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
                identityService.createMembership(userId, group);
            }
        });
    }

    private static String caller(int i) {
        return CALLERS.get(i).isEmpty() ? "anonymous" : GROUP_OF.get(CALLERS.get(i));
    }

    private static String scriptProcess() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions" targetNamespace="matrix">
                  <bpmn:process id="matrix-script" name="Matrix script" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start" name="Start" />
                    <bpmn:scriptTask id="Task_Script" name="Script" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
                  </bpmn:process>
                </bpmn:definitions>""";
    }

    /** A Tasklist sign-in as the browser makes it: the session cookie and the CSRF token the webapps gave it. */
    record TasklistSession(String cookie, String csrfToken) {}

    private TasklistSession tasklistSession(String user) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        headers.add(HttpHeaders.COOKIE, cookies(page));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", PASSWORD);
        ResponseEntity<String> login = http.postForEntity(
                "/camunda/api/admin/auth/user/default/login/tasklist", new HttpEntity<>(form, headers), String.class);
        if (login.getStatusCode().value() != 200) {
            return null; // not allowed into Tasklist: no session
        }
        String cookie = cookies(login).isEmpty() ? cookies(page) : cookies(login);
        // The token of the signed-in session, as the webapps hand it to the page on its next read.
        HttpHeaders signedIn = new HttpHeaders();
        signedIn.add(HttpHeaders.COOKIE, cookie);
        ResponseEntity<String> next = http.exchange(
                "/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(signedIn), String.class);
        String token = next.getHeaders().getFirst("X-XSRF-TOKEN");
        assertThat(token).as("CSRF token of %s's session", user).isNotBlank();
        return new TasklistSession(cookie, token);
    }

    private static String cookies(ResponseEntity<?> response) {
        return response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .flatMap(h -> HttpCookie.parse(h).stream())
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private int sessionCall(SessionRow row, TasklistSession session, Map<String, String> fixtures) {
        HttpHeaders headers = new HttpHeaders();
        if (session != null) {
            headers.add(HttpHeaders.COOKIE, session.cookie());
            switch (row.token()) {
                case SessionRow.TOKEN -> headers.set("X-XSRF-TOKEN", session.csrfToken());
                case SessionRow.WRONG_TOKEN -> headers.set("X-XSRF-TOKEN", "not-" + session.csrfToken());
                default -> {}
            }
        }
        if (row.origin() != null) {
            headers.set(HttpHeaders.ORIGIN, row.origin());
        }
        return http.exchange(fill(row.url(), fixtures), HttpMethod.POST, new HttpEntity<>(headers), String.class)
                .getStatusCode()
                .value();
    }

    private static SessionRow session(String decision, String token, String origin, int... expected) {
        return new SessionRow("/api/requests/{sar}/identifiers/999999999/" + decision, token, origin, expected);
    }

    record SessionRow(String url, String token, String origin, int[] expected) {
        static final String TOKEN = "the session's CSRF token";
        static final String NO_TOKEN = "no CSRF token";
        static final String WRONG_TOKEN = "a wrong CSRF token";

        SessionRow withExpected(int[] statuses) {
            return new SessionRow(url, token, origin, statuses);
        }

        @Override
        public String toString() {
            return "POST " + url + " with " + token + (origin == null ? "" : " from " + origin) + ": "
                    + Arrays.stream(expected).mapToObj(String::valueOf).collect(Collectors.joining(", "));
        }
    }

    private static Row desk(String method, String mapping, String url, String body, int... expected) {
        return new Row(method, mapping, url, body, expected);
    }

    private static Row engine(String method, String url, String body, int... expected) {
        return new Row(method, null, url, body, expected);
    }

    record Row(String method, String mapping, String url, String body, int[] expected) {

        Row {
            if (expected.length != CALLERS.size()) {
                throw new IllegalArgumentException(method + " " + url + ": one status per caller, " + CALLERS.size());
            }
        }

        Row withExpected(int[] statuses) {
            return new Row(method, mapping, url, body, statuses);
        }

        @Override
        public String toString() {
            String statuses = Arrays.stream(expected).mapToObj(String::valueOf).collect(Collectors.joining(", "));
            return (mapping != null || url.startsWith("/actuator") || url.startsWith("/packs") ? "desk" : "engine")
                    + "(\"" + method + "\", "
                    + (mapping != null ? "\"" + mapping + "\", " : url.startsWith("/engine-rest") ? "" : "null, ")
                    + "\"" + url + "\", " + (body == null ? "NONE" : "...") + ", " + statuses + "),";
        }
    }
}
