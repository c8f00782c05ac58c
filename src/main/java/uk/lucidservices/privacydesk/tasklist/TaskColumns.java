package uk.lucidservices.privacydesk.tasklist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.ClockConfiguration;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * The columns each group's Tasklist filter shows beside a task ({@code security.TasklistFilters}):
 * the request's reference, its kind, and the days left to its statutory deadline, as task-local
 * variables set when the task is created. No personal data: the reference is the business key.
 * Days left change every day, so they are worked out again each night (and whenever
 * {@link #refreshDaysLeft} is called) from the request's deadline as it then stands, paused or
 * extended; a mail's triage task has a reference and a kind ("mail") but no deadline.
 */
@Component
class TaskColumns {

    static final String REFERENCE = "reference";
    static final String REQUEST_TYPE = "requestType";
    static final String DAYS_LEFT = "daysLeft";

    private final RequestRegister register;
    private final TaskService taskService;
    private final Clock clock;

    TaskColumns(RequestRegister register, TaskService taskService, Clock clock) {
        this.register = register;
        this.taskService = taskService;
        this.clock = clock;
    }

    @EventListener
    public void onTaskEvent(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getExecution() == null) {
            return;
        }
        String key = task.getExecution().getProcessBusinessKey();
        if (key == null || key.isBlank()) {
            return;
        }
        String kind = TaskNames.kind(key);
        boolean mail = key.startsWith("MAIL-");
        if (kind == null && !mail) {
            return; // not a request's or a mail's task: no columns
        }
        ProcessVariables.setLocal(task, REFERENCE, key);
        ProcessVariables.setLocal(task, REQUEST_TYPE, mail ? "mail" : kind);
        if (kind != null) {
            daysLeft(key).ifPresent(days -> ProcessVariables.setLocal(task, DAYS_LEFT, days));
        }
    }

    /** Each night, the days left of every open task that shows them. */
    @Scheduled(cron = "${desk.tasklist.days-left-cron:0 5 0 * * *}", zone = "Europe/London")
    public void refreshDaysLeft() {
        for (Task task : taskService.createTaskQuery().active().list()) {
            Object reference = taskService.getVariableLocal(task.getId(), REFERENCE);
            if (reference instanceof String key && TaskNames.kind(key) != null) {
                daysLeft(key).ifPresent(days -> taskService.setVariableLocal(task.getId(), DAYS_LEFT, days));
            }
        }
    }

    private Optional<Long> daysLeft(String reference) {
        return register.find(reference)
                .map(Request::statutoryDeadline)
                .map(deadline ->
                        ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(ClockConfiguration.UK)), deadline));
    }
}
