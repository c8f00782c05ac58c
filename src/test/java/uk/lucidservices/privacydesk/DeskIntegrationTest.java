package uk.lucidservices.privacydesk;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Base of every test that needs the desk running: the real engine on a real PostgreSQL.
 * All subclasses share one Spring context and one database, so keep the annotations here.
 * Time is {@link TestClock}'s: the desk and the engine both run on 15 June 2026.
 * It is also the one process driver: run a process's due jobs as the job executor would (it is off
 * in tests), find and work its tasks, find its SLA clocks, and read what the desk recorded and sent.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestClock.Configuration.class)
public abstract class DeskIntegrationTest {

    static {
        // Before the engine starts: what it dates at start-up is on the suite's clock too.
        TestClock.resetEngineClock();
    }

    @Autowired
    private ManagementService jobs;

    @Autowired
    private TaskService engineTasks;

    @Autowired
    private RuntimeService engineRuntime;

    @Autowired
    private RequestRegister requestRegister;

    @Autowired
    private SentLetters sentLetterRecord;

    /** A test that moved the engine's clock to fire a timer leaves the next one on the suite's. */
    @BeforeEach
    void engineOnTheSuitesClock() {
        TestClock.resetEngineClock();
    }

    /**
     * Runs the jobs of one process instance that are due now, as the job executor would (it is off
     * in tests), until none is left; jobs of other instances, such as its SLA clocks, are left alone.
     */
    protected void runDueJobs(String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = jobs.createJobQuery()
                    .processInstanceId(processInstanceId)
                    .executable()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> jobs.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs of process instance " + processInstanceId + " keep coming");
    }

    /** {@link #runDueJobs} for the instance. */
    protected void runJobs(ProcessInstance pi) {
        runDueJobs(pi.getId());
    }

    /** The open task {@code taskKey} of the process instance; fails if there is none. */
    protected Task task(ProcessInstance pi, String taskKey) {
        Task task = engineTasks
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("open task %s of %s", taskKey, pi.getBusinessKey()).isNotNull();
        return task;
    }

    /** Works a task as Tasklist does: the user claims it, then completes it with the form's fields. */
    protected void claimAndComplete(Task task, String user, Map<String, Object> fields) {
        engineTasks.claim(task.getId(), user);
        engineTasks.complete(task.getId(), new HashMap<>(fields));
    }

    /** The request's SLA clocks ({@code request-sla-clocks}, called by the request's process), or null once ended. */
    protected ProcessInstance clocksOf(ProcessInstance pi) {
        return engineRuntime
                .createProcessInstanceQuery()
                .superProcessInstanceId(pi.getId())
                .processDefinitionKey("request-sla-clocks")
                .singleResult();
    }

    /** The kinds of the request's register events, in order. */
    protected List<String> eventKinds(String reference) {
        return requestRegister.events(requestRegister.get(reference).id()).stream()
                .map(RequestRegister.RequestEvent::kind)
                .toList();
    }

    /** The letters the desk's mailer sent for the request, by template, in the order sent. */
    protected List<String> lettersSent(String reference) {
        return sentLetterRecord.forReference(reference).stream()
                .map(SentLetters.SentLetter::template)
                .toList();
    }

    /** Every mail the test mail server has delivered to this address. */
    protected static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        Address[] to = m.getAllRecipients();
                        return to != null
                                && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a)
                                        .getAddress()
                                        .equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /**
     * A moment written out by hand in UK time ({@code 2026-07-15T23:59}): what a test expects a timer
     * or task to be dated, worked out from the rule and the suite's clock (Monday 15 June 2026),
     * never by the code under test.
     */
    protected static Date ukTime(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime)
                .atZone(TestClock.START.getZone())
                .toInstant());
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::smtpPort);
        registry.add("desk.intake.mailbox.host", () -> "127.0.0.1");
        registry.add("desk.intake.mailbox.port", TestMailServer::imapPort);
    }
}
