package uk.lucidservices.privacydesk.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The one way the desk finds who did a step: the signed-in user (Tasklist, REST, the desk's API),
 * else, for a task, its assignee. User ids only.
 */
public final class Actors {

    /** Who a step is recorded as when the engine ran it on its own (a timer, a job). */
    public static final String DESK = "desk";

    private Actors() {}

    /** Who completes the task: the signed-in user, else its assignee; throws when neither is known. */
    public static String of(DelegateTask task) {
        String user = signedIn(task.getProcessEngineServices().getIdentityService());
        if (user == null && task.getAssignee() != null && !task.getAssignee().isBlank()) {
            user = task.getAssignee();
        }
        if (user == null) {
            throw new IllegalStateException(
                    "Claim the task '" + task.getName() + "' before completing it, so the desk knows who decided");
        }
        return user;
    }

    /** Who ran the step: the signed-in user, else {@link #DESK}. */
    public static String of(DelegateExecution execution) {
        String user = signedIn(execution);
        return user != null ? user : DESK;
    }

    /** The signed-in user, or null when the engine runs the step on its own. */
    public static String signedIn(DelegateExecution execution) {
        return signedIn(execution.getProcessEngineServices().getIdentityService());
    }

    /** The signed-in user, or null when nobody is signed in. */
    public static String signedIn(IdentityService identityService) {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth == null || auth.getUserId() == null || auth.getUserId().isBlank() ? null : auth.getUserId();
    }

    /**
     * Runs the query as the desk itself: without the signed-in user, so that the desk's own rule
     * decides and not what the caller's engine rights happen to show; the caller is signed back in.
     */
    public static <T> T asDesk(IdentityService identityService, Supplier<T> query) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
