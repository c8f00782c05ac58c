package uk.lucidservices.privacydesk.erasure;

import java.time.Period;
import java.util.Date;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.sla.WaitDeadlines;

/**
 * Settings the {@code erasure-request} process reads through expressions, under {@code desk.erasure}:
 * {@code id-wait} (default P30D), how long the desk waits for ID before closing the request.
 */
@Component("erasureProcessSettings")
public class ErasureProcessSettings {

    private final Period idWait;
    private final WaitDeadlines waits;

    ErasureProcessSettings(ErasureProperties properties, WaitDeadlines waits) {
        this.idWait = WaitDeadlines.positive("desk.erasure.id-wait", properties.idWait());
        this.waits = waits;
    }

    /** The last moment ID is waited for (see {@link WaitDeadlines}); the ID request letter states it. */
    public Date idDueDate() {
        return waits.lastMoment(idWait);
    }

    public Period idWait() {
        return idWait;
    }
}
