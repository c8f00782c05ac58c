package uk.lucidservices.privacydesk.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/** Seven days before the internal target, tells the managers the request is not finished. */
@Component("escalateToManagers")
class EscalateToManagers implements JavaDelegate {

    private final RequestRegister register;
    private final RequestClocks clocks;
    private final StaffNotices notices;

    public EscalateToManagers(RequestRegister register, RequestClocks clocks, StaffNotices notices) {
        this.register = register;
        this.clocks = clocks;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Request request = register.get(ProcessVariables.reference(execution));
        if (request.closedAt() != null) {
            return;
        }
        Deadlines d = clocks.current(request);
        int sent = notices.send(notices.managers(), StaffNotices.Kind.ESCALATION, SlaClock.ESCALATION, request, d);
        register.record(
                request.id(),
                "SLA_ESCALATED",
                null,
                "Escalated to " + sent + " manager(s): internal target " + d.internalTarget());
    }
}
