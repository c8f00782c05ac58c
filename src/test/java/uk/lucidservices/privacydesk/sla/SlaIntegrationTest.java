package uk.lucidservices.privacydesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.TestClock;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Shared steps of the SLA tests: log a request in the register (received some days ago), start the
 * TEST request process {@code sla-test-request} that runs {@code request-sla-clocks} as the real
 * processes will, and find the clock instance, its timer jobs and the request's work task.
 */
abstract class SlaIntegrationTest extends DeskIntegrationTest {

    static final String TEST_PROCESS = "sla-test-request";

    @Autowired
    RequestRegister register;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    RequestClocks clocks;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetEngineClock() {
        TestClock.resetEngineClock();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A request that arrived {@code daysAgo} days ago, at noon UK time. */
    Request logRequest(RequestType type, int daysAgo) {
        ZonedDateTime received =
                today().minusDays(daysAgo).atTime(LocalTime.NOON).atZone(clock.getZone());
        return register.log(NewRequest.builder(type, Channel.EMAIL)
                .name("Sam Testperson")
                .email("sam.testperson@example.com")
                .summary("Please send me my data")
                .receivedAt(received.toOffsetDateTime())
                .loggedBy("olivia")
                .build());
    }

    ProcessInstance startProcess(Request request) {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(
                TEST_PROCESS,
                request.reference(),
                Map.of("requestReference", request.reference(), "requestId", request.id()));
        register.attachProcess(request.reference(), pi.getId());
        return pi;
    }

    /**
     * The waiting timer job of {@code slaClock}, or null once it fired: the first-armed boundary
     * timer, or the one that waits again after the clock moved or a breach.
     */
    Job timer(ProcessInstance parent, SlaClock slaClock) {
        String clocks = clocksOf(parent).getId();
        List<Job> jobs = Stream.of(slaClock.timerActivityId(), slaClock.againActivityId())
                .flatMap(activityId ->
                        managementService
                                .createJobQuery()
                                .processInstanceId(clocks)
                                .activityId(activityId)
                                .list()
                                .stream())
                .toList();
        assertThat(jobs).hasSizeLessThanOrEqualTo(1);
        return jobs.isEmpty() ? null : jobs.get(0);
    }

    /** Each clock's timer, dated by hand: notices at 08:00 on their day, breaches at midnight after it. */
    static Map<SlaClock, Date> firing(String reminder, String escalation, String internalTarget, String statutory) {
        return Map.of(
                SlaClock.REMINDER,
                ukTime(reminder),
                SlaClock.ESCALATION,
                ukTime(escalation),
                SlaClock.INTERNAL_TARGET,
                ukTime(internalTarget),
                SlaClock.STATUTORY_DEADLINE,
                ukTime(statutory));
    }

    Task workTask(ProcessInstance parent) {
        return taskService
                .createTaskQuery()
                .processInstanceId(parent.getId())
                .taskDefinitionKey("Task_WorkRequest")
                .singleResult();
    }

    /** Completes the work task choosing the next step (startClock, pause, resume, extend, respond). */
    void doStep(ProcessInstance parent, String step, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("step", step);
        taskService.complete(workTask(parent).getId(), all);
    }

    /** Fires a timer as the job executor would once the engine's clock reaches its due date. */
    void fire(Job job) {
        ClockUtil.setCurrentTime(job.getDuedate());
        managementService.executeJob(job.getId());
    }
}
