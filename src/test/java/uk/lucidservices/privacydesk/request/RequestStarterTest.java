package uk.lucidservices.privacydesk.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
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
    TaskService taskService;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

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

    @Test
    void aStartWritesTheRowItsIdentifiersItsLoggedEventAndItsProcessLinkAsItReturnsThem() {
        deployTestProcess();
        String email = "Fern.Gale." + UUID.randomUUID() + "@Example.com";

        Request request = starter.start(
                NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                        .name("Fern Gale")
                        .email(email)
                        .phone("01632 960123")
                        .accountNumber("ac100200")
                        .loggedBy("test")
                        .build(),
                "test-request-process");

        // What the starter returns is the register's row exactly, not read back.
        Request row = register.get(request.reference());
        assertThat(request).isEqualTo(row);
        ProcessInstance instance = runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(request.reference())
                .singleResult();
        assertThat(row.processInstanceId()).isEqualTo(instance.getId());
        assertThat(row.status()).isEqualTo("OPEN");
        assertThat(row.reference()).matches("SAR-2026-\\d{6}");
        assertThat(row.requesterEmail()).isEqualTo(email);
        assertThat(row.accountNumber()).isEqualTo("ac100200");
        // Received Monday 15 June 2026: the statutory deadline a month later (Wednesday 15 July), the
        // internal target day 28 counting the day of receipt as day 1 (Sunday 12 July).
        assertThat(row.receivedAt().atZoneSameInstant(ClockConfiguration.UK).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(row.clockStart()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(row.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(row.internalTarget()).isEqualTo(LocalDate.of(2026, 7, 12));
        assertThat(register.identifiers(row.id()))
                .extracting(
                        RequestRegister.Identifier::kind,
                        RequestRegister.Identifier::value,
                        RequestRegister.Identifier::key,
                        RequestRegister.Identifier::source,
                        RequestRegister.Identifier::state)
                .containsExactly(
                        tuple(
                                "EMAIL",
                                email,
                                email.toLowerCase(),
                                IdentifierSource.SENDER_ADDRESS,
                                IdentifierState.UNMATCHED),
                        tuple(
                                "PHONE",
                                "01632 960123",
                                "+441632960123",
                                IdentifierSource.STRUCTURED_FIELD,
                                IdentifierState.UNMATCHED),
                        tuple(
                                "ACCOUNT",
                                "ac100200",
                                "AC100200",
                                IdentifierSource.STRUCTURED_FIELD,
                                IdentifierState.UNMATCHED),
                        tuple("NAME", "Fern Gale", null, IdentifierSource.SENDER_ADDRESS, IdentifierState.UNMATCHED));
        assertThat(register.events(row.id()))
                .extracting(
                        RequestRegister.RequestEvent::kind,
                        RequestRegister.RequestEvent::actor,
                        RequestRegister.RequestEvent::detail)
                .containsExactly(tuple("LOGGED", "test", "Logged from channel EMAIL"));
        assertThat(register.events(row.id())
                        .get(0)
                        .occurredAt()
                        .atZoneSameInstant(ClockConfiguration.UK)
                        .toLocalDate())
                .isEqualTo(LocalDate.of(2026, 6, 15));
        // The process's first task was made inside the start, and its days left come from the
        // register's row: the row was there before anything of the process ran.
        Task work = taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(taskService.getVariablesLocal(work.getId())).containsEntry("daysLeft", 30L);
    }

    private void deployTestProcess() {
        repositoryService
                .createDeployment()
                .name("test-request-process")
                .enableDuplicateFiltering(true)
                .addClasspathResource("request/test-request-process.bpmn")
                .deploy();
    }

    @Test
    void aRegisterWriteThatFailsNamesTheRequestButNotTheRequester() {
        Request first = starter.start(newRequest());
        String prefix = RequestType.SUBJECT_ACCESS.prefix();
        long last = jdbc.queryForObject(
                "SELECT last_value FROM desk.reference_counter WHERE prefix = ? AND ref_year = 2026",
                Long.class,
                prefix);
        String next = "%s-2026-%06d".formatted(prefix, last + 1);
        // The next reference taken already: the row cannot be written (a unique key, SQL state 23505).
        jdbc.update("UPDATE desk.request SET reference = ? WHERE reference = ?", next, first.reference());
        try {
            NewRequest asked = NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.LETTER)
                    .name("Wren Holloway")
                    .email("wren.holloway@example.com")
                    .summary("Copy of my calls, please")
                    .loggedBy("test")
                    .build();

            Throwable thrown = catchThrowable(() -> starter.start(asked));

            StringBuilder messages = new StringBuilder();
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString())
                    .contains("Request " + next + " could not be written to the register (SQL state 23505)")
                    .doesNotContain("Wren")
                    .doesNotContain("wren.holloway")
                    .doesNotContain("my calls");
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM desk.request WHERE requester_email = 'wren.holloway@example.com'",
                            Integer.class))
                    .isZero();
        } finally {
            jdbc.update("UPDATE desk.request SET reference = ? WHERE reference = ?", first.reference(), next);
        }
    }

    private static NewRequest newRequest() {
        return NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.LETTER)
                .name("Fern Gale")
                .email("fern." + UUID.randomUUID() + "@example.com")
                .loggedBy("test")
                .build();
    }
}
