package uk.lucidservices.privacydesk.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * When a wait for the requester ends (the ID the desk asked for): the end of the UK day that is
 * {@code wait} after today, so the date the letter gives is a whole day the requester can use.
 * Every process that waits converts its setting here, so the same {@code P30D} gives the same
 * moment whichever process reads it.
 */
@Component
public class WaitDeadlines {

    private final Clock clock;

    public WaitDeadlines(Clock clock) {
        this.clock = clock;
    }

    /** The last second of the day {@code wait} after today, in the desk's zone. */
    public Date lastMoment(Period wait) {
        LocalDate lastDay = LocalDate.now(clock).plus(wait);
        return Date.from(lastDay.plusDays(1)
                .atStartOfDay(clock.getZone())
                .minusSeconds(1)
                .toInstant());
    }

    /** A wait setting must be a positive period such as P30D; {@code property} names it in the refusal. */
    public static Period positive(String property, Period wait) {
        if (wait == null || wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive period such as P30D");
        }
        return wait;
    }
}
