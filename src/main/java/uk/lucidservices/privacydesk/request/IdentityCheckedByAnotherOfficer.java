package uk.lucidservices.privacydesk.request;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.security.StaffIds;

/**
 * Separation of duties on the identity steps (access and erasure: confirm the identity, check the
 * ID document): the officer who logged a request, say from a phone call, cannot also vouch for
 * the caller's identity. Listens to {@code assignment} and {@code complete}: claiming the task or
 * completing it as the logging officer fails with a message Tasklist shows, so the task waits for
 * a colleague. Requests the mail intake logged by itself have no logging officer.
 */
@Component("identityCheckedByAnotherOfficer")
class IdentityCheckedByAnotherOfficer implements TaskListener {

    private final RequestRegister register;

    public IdentityCheckedByAnotherOfficer(RequestRegister register) {
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        String officer = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : completingUser(task);
        String reference = task.getExecution().getProcessBusinessKey();
        String loggedBy = register.get(reference).loggedBy();
        if (StaffIds.same(officer, loggedBy)) {
            throw new SameOfficerException(reference);
        }
    }

    private static String completingUser(DelegateTask task) {
        Authentication auth =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
    }

    /** The officer who logged the request tried to take or complete its identity check. */
    public static class SameOfficerException extends IllegalStateException {
        SameOfficerException(String reference) {
            super("You logged " + reference + ", so another officer must check the requester's identity: "
                    + "leave this task for a colleague");
        }
    }
}
