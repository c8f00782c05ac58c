package uk.lucidservices.privacydesk;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import uk.lucidservices.privacydesk.request.ClockConfiguration;

/**
 * The suite's one clock. Every test JVM starts at 09:00 UK time on Monday 15 June 2026, whatever
 * the machine's date, so a reference, a deadline or a letter's date is the same in every year;
 * dates a test expects are worked out by hand from this day. The clock then moves on with real
 * seconds: back-offs, expiries and "newest first" orderings still see time pass, and a suite of a
 * few minutes never leaves the day. The engine ({@link ClockUtil}: timers, task and job dates)
 * runs on the same offset, so a timer the desk dates and the engine that fires it agree.
 */
public final class TestClock {

    /** Monday 15 June 2026, 09:00 BST; the nearest bank holidays are 25 May and 31 August. */
    public static final ZonedDateTime START = ZonedDateTime.of(2026, 6, 15, 9, 0, 0, 0, ClockConfiguration.UK);

    private static final Duration OFFSET =
            Duration.ofMillis(START.toInstant().toEpochMilli() - System.currentTimeMillis());

    private static final Clock CLOCK = Clock.offset(Clock.system(ClockConfiguration.UK), OFFSET);

    private TestClock() {}

    public static Clock clock() {
        return CLOCK;
    }

    /** The day the suite runs on, in UK time: 15 June 2026. */
    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    /** Puts the engine back on the suite's clock, after a test moved it to fire a timer. */
    public static void resetEngineClock() {
        ClockUtil.offset(OFFSET.toMillis());
    }

    /** Replaces the desk's system clock in every test context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        Clock testClock() {
            resetEngineClock();
            return CLOCK;
        }
    }
}
