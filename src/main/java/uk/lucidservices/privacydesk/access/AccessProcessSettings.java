package uk.lucidservices.privacydesk.access;

import java.time.Period;
import java.util.Date;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.sla.WaitDeadlines;

/**
 * Values the subject-access-request process reads ({@code ${accessProcessSettings...}}).
 * {@code desk.access.id-wait} (ISO 8601 period, default P30D): how long the desk waits for ID
 * before closing the request.
 */
@Component("accessProcessSettings")
public class AccessProcessSettings {

    private final Period idWait;
    private final WaitDeadlines waits;

    AccessProcessSettings(AccessProperties properties, WaitDeadlines waits) {
        this.idWait = WaitDeadlines.positive("desk.access.id-wait", properties.idWait());
        this.waits = waits;
    }

    public Period idWait() {
        return idWait;
    }

    /** When a request still without ID is closed (see {@link WaitDeadlines}); the ID request letter states it. */
    public Date idDueDate() {
        return waits.lastMoment(idWait);
    }
}
