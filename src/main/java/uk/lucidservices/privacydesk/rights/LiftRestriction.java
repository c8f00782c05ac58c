package uk.lucidservices.privacydesk.rights;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Service task: lifts the restriction, after the letter telling the requester has gone (Art. 18(3)).
 * The officer who decided it is on the decision record.
 */
@Component("liftRestriction")
class LiftRestriction implements JavaDelegate {

    private final RequestRegister register;
    private final ProcessingRestrictions restrictions;
    private final RightsDecisions decisions;

    LiftRestriction(RequestRegister register, ProcessingRestrictions restrictions, RightsDecisions decisions) {
        this.register = register;
        this.restrictions = restrictions;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Request request = register.get(execution.getProcessBusinessKey());
        String by = decisions
                .latest(request.id(), RightsDecisions.Kind.RESTRICTION_LIFTED)
                .map(RightsDecisions.Decision::decidedBy)
                .orElse(Actors.DESK);
        restrictions.lift(request.id(), by);
        register.record(request.id(), "RESTRICTION_LIFTED", by, "after the requester was told");
    }
}
