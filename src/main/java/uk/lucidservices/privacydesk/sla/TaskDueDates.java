package uk.lucidservices.privacydesk.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.calendar.UkCalendar;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Every user task of a request carries the request's deadline as due date and its escalation date
 * as follow-up date, so Tasklist sorts and filters on them. Applied to each new task (through the
 * Spring Boot starter's task events, on by default: {@code camunda.bpm.eventing.task}) of any process
 * whose business key is a request reference, and to the open tasks whenever the clock moves.
 * A {@code camunda:dueDate} drawn in BPMN is overridden: the request's clock is the one that counts.
 * <p>
 * The identity and triage steps ({@link #TWO_WORKING_DAY_TASKS}) are the exception: they decide
 * whether the clock runs at all, so they are due {@value #QUICK_WORKING_DAYS} working days after the
 * task was made (England and Wales), never later than the statutory deadline, and come up for
 * follow-up on their due day.
 */
@Component
class TaskDueDates {

    /** Steps that are due in two working days, not on the statutory deadline. */
    static final Set<String> TWO_WORKING_DAY_TASKS =
            Set.of("Task_ConfirmIdentity", "Task_CheckIdDocument", "Task_TriageRequest");

    static final int QUICK_WORKING_DAYS = 2;

    private final RequestRegister register;
    private final RequestClocks clocks;
    private final TimerDates timerDates;
    private final TaskService taskService;
    private final UkCalendar calendar;
    private final Clock clock;

    public TaskDueDates(
            RequestRegister register,
            RequestClocks clocks,
            TimerDates timerDates,
            TaskService taskService,
            UkCalendar calendar,
            Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
        this.register = register;
        this.clocks = clocks;
        this.timerDates = timerDates;
        this.taskService = taskService;
    }

    @EventListener
    public void onTaskEvent(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getExecution() == null) {
            return; // only new tasks; a standalone task belongs to no request
        }
        // A closed request's later tasks (lifting a restriction) answer to no statutory clock.
        request(task.getExecution().getProcessBusinessKey())
                .filter(request -> request.closedAt() == null)
                .ifPresent(request -> {
                    Deadlines d = clocks.current(request);
                    task.setDueDate(due(task.getTaskDefinitionKey(), LocalDate.now(clock), request, d));
                    task.setFollowUpDate(followUp(task.getTaskDefinitionKey(), LocalDate.now(clock), request, d));
                });
    }

    /** Re-dates the request's open tasks after its clock moved. */
    public void update(Request request, Deadlines d) {
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceBusinessKey(request.reference())
                .list()) {
            LocalDate created = task.getCreateTime() == null
                    ? LocalDate.now(clock)
                    : task.getCreateTime().toInstant().atZone(clock.getZone()).toLocalDate();
            task.setDueDate(due(task.getTaskDefinitionKey(), created, request, d));
            task.setFollowUpDate(followUp(task.getTaskDefinitionKey(), created, request, d));
            taskService.saveTask(task);
        }
    }

    private Date due(String taskKey, LocalDate created, Request request, Deadlines d) {
        Date onTheClock = timerDates.taskDue(request.type(), d);
        if (!TWO_WORKING_DAY_TASKS.contains(taskKey)) {
            return onTheClock;
        }
        Date quick = timerDates.endOf(calendar.plusWorkingDays(created, QUICK_WORKING_DAYS));
        return quick.before(onTheClock) ? quick : onTheClock;
    }

    private Date followUp(String taskKey, LocalDate created, Request request, Deadlines d) {
        if (!TWO_WORKING_DAY_TASKS.contains(taskKey)) {
            return timerDates.taskFollowUp(d);
        }
        Date dueDay = timerDates.startOf(due(taskKey, created, request, d)
                .toInstant()
                .atZone(clock.getZone())
                .toLocalDate());
        Date escalation = timerDates.taskFollowUp(d);
        return dueDay.before(escalation) ? dueDay : escalation;
    }

    private Optional<Request> request(String businessKey) {
        if (businessKey == null) {
            return Optional.empty();
        }
        try {
            RequestType.fromReference(businessKey);
        } catch (IllegalArgumentException notARequest) {
            return Optional.empty();
        }
        return register.find(businessKey);
    }
}
