package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.ProcessAssertions;
import uk.lucidservices.privacydesk.ProcessAssertions.ProcessInstanceAssert;
import uk.lucidservices.privacydesk.TestClock;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.records.demo.DemoDataGenerator;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.tasklist.EmbeddedForms;

/**
 * Drives the real {@code subject-access-request} process: starts a request for a demo person (100,
 * 110, 120, ...: every tenth person is in every system) as the intake and the API do, runs its jobs
 * as the job executor would, and works its tasks the way Tasklist does (claim, then complete with
 * the form's fields), checking each task's form renders.
 */
abstract class SarProcessTestSupport extends DeskIntegrationTest {

    static final String PROCESS = "subject-access-request";

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    FormService formService;

    @Autowired
    HistoryService historyService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    IdentityService identityService;

    @Autowired
    RequestRegister register;

    @Autowired
    RequestStarter starter;

    @Autowired
    DemoDataGenerator demoData;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @BeforeEach
    void engineAndData() {
        ProcessAssertions.init(processEngine);
        demoData.generate(TestPeople.DEMO_PEOPLE, TestPeople.DEMO_SEED);
    }

    @AfterEach
    void resetEngineClockAndUser() {
        TestClock.resetEngineClock();
        identityService.clearAuthentication();
    }

    /** Demo person {@code index}, which this test class claimed in {@link TestPeople}. */
    DemoPerson person(int index) {
        return TestPeople.person(getClass(), index);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * A request received {@code daysAgo} days ago at noon UK time, logged and started the one way
     * every channel starts one ({@link RequestStarter}), then acknowledged (its jobs run).
     */
    ProcessInstance startRequest(String email, String phone, int daysAgo) {
        OffsetDateTime received = today().minusDays(daysAgo)
                .atTime(LocalTime.NOON)
                .atZone(clock.getZone())
                .toOffsetDateTime();
        Request request = starter.start(
                NewRequest.builder(RequestType.SUBJECT_ACCESS, email == null ? Channel.PHONE : Channel.EMAIL)
                        .name("Requester")
                        .email(email)
                        .phone(phone)
                        .summary("Please send me a copy of my personal data")
                        .receivedAt(received)
                        .loggedBy("intake")
                        .build());
        ProcessInstance pi = runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId())
                .singleResult();
        assertThat(pi).as("the process of %s", request.reference()).isNotNull();
        assertThat(pi.getBusinessKey()).isEqualTo(request.reference());
        runJobs(pi);
        return pi;
    }

    /** A request by a demo person, from one of the ways the systems write their email. */
    ProcessInstance startFor(DemoPerson person, int daysAgo) {
        return startRequest(person.emailVariants().get(1), null, daysAgo);
    }

    static ProcessInstanceAssert process(ProcessInstance pi) {
        return ProcessAssertions.assertThat(pi);
    }

    /**
     * Works a task as Tasklist does: its form is the deployed Camunda Form the model names, the user
     * claims it, then completes it with the form's fields. Then runs the jobs that follow.
     */
    void work(ProcessInstance pi, String taskKey, String user, Map<String, Object> fields) {
        Task task = task(pi, taskKey);
        assertFormRenders(task);
        claimAndComplete(task, user, fields);
        runJobs(pi);
    }

    /**
     * The task's form is there: the embedded form file its form key names (served by the desk), or
     * the deployed Camunda Form its model element references.
     */
    void assertFormRenders(Task task) {
        UserTask element = repositoryService
                .getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        if (EmbeddedForms.isEmbedded(element.getCamundaFormKey())) {
            assertThat(EmbeddedForms.read(element.getCamundaFormKey()))
                    .as("form of %s", task.getTaskDefinitionKey())
                    .contains("cam-script");
            return;
        }
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            JsonNode json = new ObjectMapper().readTree(form);
            assertThat(json.get("id").asText())
                    .as("form of %s", task.getTaskDefinitionKey())
                    .isEqualTo(element.getCamundaFormRef());
            assertThat(json.get("components").size()).isPositive();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    void replyFromRequester(ProcessInstance pi, int attachments) {
        runtimeService
                .createMessageCorrelation("requester-reply")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable("replyKind", "reply")
                .setVariable("replyAttachmentCount", attachments)
                .setVariable("replyIntakeId", 1L)
                .correlateAllWithResult();
        runJobs(pi);
    }

    /** The letters sent for a request, in order, by template name (the register's LETTER_SENT events). */
    List<String> letters(String reference) {
        List<String> templates = new ArrayList<>();
        for (RequestRegister.RequestEvent e :
                register.events(register.get(reference).id())) {
            if (e.kind().equals("LETTER_SENT")) {
                String detail = e.detail();
                int start = detail.indexOf("template=") + "template=".length();
                int end = detail.indexOf(';', start);
                templates.add(end < 0 ? detail.substring(start) : detail.substring(start, end));
            }
        }
        return templates;
    }

    boolean clocksEnded(ProcessInstance pi) {
        return historyService
                                .createHistoricProcessInstanceQuery()
                                .superProcessInstanceId(pi.getId())
                                .processDefinitionKey("request-sla-clocks")
                                .finished()
                                .count()
                        == 1
                && clocksOf(pi) == null;
    }

    /** The mail to the requester whose text contains {@code marker}, for the request. */
    static MimeMessage mailFor(String reference, String marker) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                                .filter(m -> {
                                    try {
                                        return m.getSubject() != null
                                                && m.getSubject().contains(reference)
                                                && text(m).contains(marker);
                                    } catch (Exception e) {
                                        return false;
                                    }
                                })
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
    }

    /** The plain text of a mail (a multipart letter's text part, or the body). */
    static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String s) {
            return s;
        }
        StringBuilder all = new StringBuilder();
        collect((Multipart) content, all);
        return all.toString();
    }

    private static void collect(Multipart multipart, StringBuilder all) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof Multipart nested) {
                collect(nested, all);
            } else if (part instanceof String s && multipart.getBodyPart(i).isMimeType("text/plain")) {
                all.append(s);
            }
        }
    }
}
