package uk.lucidservices.privacydesk.erasure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;

/**
 * Settings the {@code erasure-request} process reads through expressions, under {@code desk.erasure}:
 * {@code id-wait} (default P30D), how long the desk waits for ID before closing the request.
 */
@Component("erasureProcessSettings")
public class ErasureProcessSettings {

    private final Period idWait;
    private final Clock clock;

    public ErasureProcessSettings(@Value("${desk.erasure.id-wait:P30D}") Period idWait, Clock clock) {
        if (idWait.isNegative() || idWait.isZero()) {
            throw new IllegalStateException("desk.erasure.id-wait must be a positive period such as P30D");
        }
        this.idWait = idWait;
        this.clock = clock;
    }

    /**
     * The last moment ID is waited for: the end of the UK day {@code id-wait} from today, so the
     * date the ID request letter gives is a whole day the requester can use.
     */
    public Date idDueDate() {
        LocalDate lastDay = LocalDate.now(clock).plus(idWait);
        return Date.from(lastDay.plusDays(1).atStartOfDay(clock.getZone()).minusSeconds(1).toInstant());
    }

    public Period idWait() {
        return idWait;
    }
}
