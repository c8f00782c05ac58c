package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * After the identity check passes: the request's identifiers become the ones searched and
 * written to. The actor is the process variable {@code identityCheckedBy} (a user id) when set.
 */
@Component("markIdentifiersVerified")
class MarkIdentifiersVerifiedDelegate implements JavaDelegate {

    private final VerifiedIdentifiers identifiers;

    public MarkIdentifiersVerifiedDelegate(VerifiedIdentifiers identifiers) {
        this.identifiers = identifiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String checkedBy = ProcessVariables.text(execution, ProcessVariables.IDENTITY_CHECKED_BY);
        identifiers.markVerified(execution.getProcessBusinessKey(), checkedBy == null ? Actors.DESK : checkedBy);
    }
}
