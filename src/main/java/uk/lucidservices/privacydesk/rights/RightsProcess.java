package uk.lucidservices.privacydesk.rights;

import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.sla.WaitDeadlines;

/**
 * Values the {@code rights-request} process reads ({@code ${rightsProcess...}}): which right a
 * request asks for, from its reference, and when a request still without ID is closed.
 * {@code desk.rights.id-wait} (ISO 8601 period, default P30D).
 */
@Component("rightsProcess")
public class RightsProcess {

    private final Period idWait;
    private final WaitDeadlines waits;

    RightsProcess(RightsProperties properties, WaitDeadlines waits) {
        this.idWait = WaitDeadlines.positive("desk.rights.id-wait", properties.idWait());
        this.waits = waits;
    }

    /** RECTIFICATION, RESTRICTION, PORTABILITY or PROCESSING_OBJECTION: the type-specific step's gateway reads it. */
    public String type(DelegateExecution execution) {
        RequestType type = RequestType.fromReference(execution.getProcessBusinessKey());
        if (!RequestType.RIGHTS_PROCESS.equals(type.processKey())) {
            throw new IllegalStateException(
                    "Request " + execution.getProcessBusinessKey() + " is not one the rights process answers");
        }
        return type.name();
    }

    /** When a request still without ID is closed; the ID request letter states it. */
    public Date idDueDate() {
        return waits.lastMoment(idWait);
    }
}
