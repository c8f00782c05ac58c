package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who did a step: the signed-in user completing it, else the task's assignee. User ids only. */
final class Actors {

    private Actors() {
    }

    static String of(DelegateTask task, IdentityService identityService) {
        String signedIn = signedIn(identityService);
        if (signedIn != null) {
            return signedIn;
        }
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        throw new IllegalStateException("Claim the task before completing it, so the desk knows who decided");
    }

    static String of(DelegateExecution execution, IdentityService identityService) {
        String signedIn = signedIn(identityService);
        return signedIn != null ? signedIn : "desk";
    }

    private static String signedIn(IdentityService identityService) {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }
}
