package uk.lucidservices.privacydesk.rights;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.rights.ProcessingRestrictions.Grounds;

/** Service task: flags the person's records as restricted (Art. 18), on the grounds the officer chose. */
@Component("placeRestriction")
class PlaceRestriction implements JavaDelegate {

    private final RequestRegister register;
    private final ProcessingRestrictions restrictions;
    private final RightsDecisions decisions;

    PlaceRestriction(RequestRegister register, ProcessingRestrictions restrictions, RightsDecisions decisions) {
        this.register = register;
        this.restrictions = restrictions;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Request request = register.get(execution.getProcessBusinessKey());
        Grounds grounds =
                Grounds.valueOf(ProcessVariables.requiredText(execution, RecordRightsDecisionListener.GROUNDS));
        String by = decisions
                .latest(request.id(), RightsDecisions.Kind.RESTRICTION)
                .map(RightsDecisions.Decision::decidedBy)
                .orElse(Actors.DESK);
        restrictions.place(request.id(), grounds, by);
        register.record(request.id(), "RESTRICTION_PLACED", by, "grounds=" + grounds);
    }
}
