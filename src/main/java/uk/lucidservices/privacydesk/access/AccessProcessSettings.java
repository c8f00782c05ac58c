package uk.lucidservices.privacydesk.access;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/**
 * Values the subject-access-request process reads ({@code ${accessProcessSettings...}}).
 * {@code desk.access.id-wait} (ISO 8601 duration, default P30D): how long the desk waits for ID
 * before closing the request.
 */
@Component("accessProcessSettings")
public class AccessProcessSettings {

    private final Duration idWait;
    private final Clock clock;

    public AccessProcessSettings(@Value("${desk.access.id-wait:P30D}") Duration idWait, Clock clock) {
        if (idWait.isNegative() || idWait.isZero()) {
            throw new IllegalArgumentException("desk.access.id-wait must be a positive duration such as P30D");
        }
        this.idWait = idWait;
        this.clock = clock;
    }

    public Duration idWait() {
        return idWait;
    }

    /** When a request still without ID is closed, counted from now; the ID request letter states it. */
    public Date idDueDate() {
        return Date.from(clock.instant().plus(idWait));
    }
}
