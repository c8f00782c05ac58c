package uk.lucidservices.privacydesk.sla;

import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Every user task of a request carries the request's deadline as due date and its escalation date
 * as follow-up date, so Tasklist sorts and filters on them. Applied to each new task (through the
 * Spring Boot starter's task events, on by default: {@code camunda.bpm.eventing.task}) of any process
 * whose business key is a request reference, and to the open tasks whenever the clock moves.
 * A {@code camunda:dueDate} drawn in BPMN is overridden: the request's clock is the one that counts.
 */
@Component
class TaskDueDates {

    private final RequestRegister register;
    private final RequestClocks clocks;
    private final TimerDates timerDates;
    private final TaskService taskService;

    public TaskDueDates(
            RequestRegister register, RequestClocks clocks, TimerDates timerDates, TaskService taskService) {
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
                    task.setDueDate(timerDates.taskDue(request.type(), d));
                    task.setFollowUpDate(timerDates.taskFollowUp(d));
                });
    }

    /** Re-dates the request's open tasks after its clock moved. */
    public void update(Request request, Deadlines d) {
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceBusinessKey(request.reference())
                .list()) {
            task.setDueDate(timerDates.taskDue(request.type(), d));
            task.setFollowUpDate(timerDates.taskFollowUp(d));
            taskService.saveTask(task);
        }
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
