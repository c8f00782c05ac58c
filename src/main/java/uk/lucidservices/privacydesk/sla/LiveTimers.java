package uk.lucidservices.privacydesk.sla;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.management.JobDefinition;
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
    private final IdentityService identityService;
    private final TimerDates timerDates;
    /** Job definition id to its activity id (see {@link #clockOf}). */
    private final Map<String, String> timerActivities = new ConcurrentHashMap<>();

    public LiveTimers(
            RuntimeService runtimeService,
            ManagementService managementService,
            IdentityService identityService,
            TimerDates timerDates) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.identityService = identityService;
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
        move(instances(reference), d);
    }

    /**
     * {@link #move(String, Deadlines)} for the request's clock instances already looked up. Per
     * instance one command sets the date variables and one query finds the waiting timers, rather
     * than one of each per clock: in a burst of requests held for ID this was the desk's largest cost.
     */
    public void move(List<ProcessInstance> instances, Deadlines d) {
        Map<SlaClock, Date> dates = timerDates.all(d);
        Map<String, Object> variables = new HashMap<>();
        for (SlaClock clock : SlaClock.values()) {
            variables.put(clock.variable(), dates.get(clock));
        }
        for (ProcessInstance instance : instances) {
            runtimeService.setVariables(instance.getId(), variables);
            for (Job job : timerJobs(instance.getId())) {
                SlaClock clock = clockOf(job);
                if (clock != null) {
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
        chase(instances(reference), variables);
    }

    /** {@link #chase(String, Map)} for the request's clock instances already looked up. */
    public void chase(List<ProcessInstance> instances, Map<String, Object> variables) {
        for (ProcessInstance instance : instances) {
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

    /** The instance's timer jobs, each named by its job definition's activity (one query for all clocks). */
    private List<Job> timerJobs(String processInstanceId) {
        return managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .timers()
                .list();
    }

    /**
     * The clock whose timer the job is, or null for another timer of the instance. A job's activity
     * is its job definition's, which never changes once deployed: looked up once per process version.
     */
    private SlaClock clockOf(Job job) {
        String definitionId = job.getJobDefinitionId();
        if (definitionId == null) {
            return null;
        }
        String activityId = timerActivities.get(definitionId);
        if (activityId == null) {
            // Read as the desk: a user who may see the instance's jobs must not miss a clock because
            // the process definition is not theirs to read (activity ids are no one's data).
            Authentication caller = identityService.getCurrentAuthentication();
            identityService.clearAuthentication();
            try {
                for (JobDefinition definition : managementService
                        .createJobDefinitionQuery()
                        .processDefinitionId(job.getProcessDefinitionId())
                        .list()) {
                    timerActivities.put(definition.getId(), definition.getActivityId());
                }
            } finally {
                if (caller != null) {
                    identityService.setAuthentication(caller);
                }
            }
            activityId = timerActivities.get(definitionId);
        }
        for (SlaClock clock : SlaClock.values()) {
            if (clock.isTimer(activityId)) {
                return clock;
            }
        }
        return null;
    }
}
