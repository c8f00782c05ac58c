package uk.lucidservices.privacydesk.sla;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.calendar.Deadlines;

/**
 * The live timers of a request's {@code request-sla-clocks} instance. When a clock moves, the
 * instance's date variables and the due dates of its waiting timer jobs move with it, so no timer
 * fires on a stale date. While a clarification pause is open the timers are held: variables and due
 * dates are pushed to {@link TimerDates#HELD} (31 Dec 9999), so none can fire however long the pause
 * lasts; on resume they move to the new dates. (Suspending the instance instead is not possible in
 * the same transaction as moving its jobs: the engine's bulk suspension update and the job update
 * collide on the job's revision.)
 */
@Component
class LiveTimers {

    public static final String PROCESS_KEY = "request-sla-clocks";

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TimerDates timerDates;

    public LiveTimers(RuntimeService runtimeService, ManagementService managementService, TimerDates timerDates) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.timerDates = timerDates;
    }

    /** Running clock instances of the request (normally one; none once the request has closed). */
    public List<ProcessInstance> instances(String reference) {
        return runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(reference)
                .list();
    }

    /**
     * Moves every waiting timer to the dates in {@code d} (or keeps it held while a pause is open);
     * a timer that already fired stays fired.
     */
    public void move(String reference, Deadlines d) {
        Map<SlaClock, Date> dates = timerDates.all(d);
        for (ProcessInstance instance : instances(reference)) {
            for (SlaClock clock : SlaClock.values()) {
                runtimeService.setVariable(instance.getId(), clock.variable(), dates.get(clock));
                for (Job job : timerJobs(instance.getId(), clock)) {
                    managementService.setJobDuedate(job.getId(), dates.get(clock));
                }
            }
        }
    }

    /**
     * Offers staff the task to record a reply that comes by post, by phone or in person (the clocks'
     * event sub-process {@code SubProcess_ReplyByPost}); one open at a time.
     */
    public void replyAwaited(String reference) {
        replyArrived(reference);
        correlate(reference, "replyAwaited");
    }

    /** The reply arrived (by mail, or recorded): the task to record one by post goes away. */
    public void replyArrived(String reference) {
        correlate(reference, "replyArrived");
    }

    /** Starts the one reminder of an unanswered ID or clarification request (event sub-process {@code SubProcess_ChaseReply}). */
    public void chase(String reference, Map<String, Object> variables) {
        for (ProcessInstance instance : instances(reference)) {
            runtimeService
                    .createMessageCorrelation("replyChase")
                    .processInstanceId(instance.getId())
                    .setVariables(variables)
                    .correlateAllWithResult();
        }
    }

    private void correlate(String reference, String message) {
        for (ProcessInstance instance : instances(reference)) {
            runtimeService
                    .createMessageCorrelation(message)
                    .processInstanceId(instance.getId())
                    .correlateAllWithResult();
        }
    }

    /** Resolves the {@value RecordSlaBreach#INCIDENT_TYPE} incident of {@code clock} on the request's process. */
    public void resolveBreachIncident(String processInstanceId, SlaClock clock) {
        if (processInstanceId == null) {
            return;
        }
        runtimeService
                .createIncidentQuery()
                .processInstanceId(processInstanceId)
                .incidentType(RecordSlaBreach.INCIDENT_TYPE)
                .configuration(clock.name())
                .list()
                .forEach(incident -> runtimeService.resolveIncident(incident.getId()));
    }

    public List<Job> timerJobs(String processInstanceId, SlaClock clock) {
        return managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(clock.timerActivityId())
                .timers()
                .list();
    }
}
