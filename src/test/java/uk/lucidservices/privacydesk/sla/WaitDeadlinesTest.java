package uk.lucidservices.privacydesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import org.junit.jupiter.api.Test;
import uk.lucidservices.privacydesk.TestClock;
import uk.lucidservices.privacydesk.request.ClockConfiguration;

class WaitDeadlinesTest {

    private final WaitDeadlines waits = new WaitDeadlines(TestClock.clock());

    @Test
    void thirtyDaysFromMonday15JuneEndsAtTheLastSecondOfWednesday15JulyUkTime() {
        // 15 June 2026 + 30 days = 15 July 2026; 23:59:59 BST is 22:59:59 UTC.
        assertThat(waits.lastMoment(Period.parse("P30D"))).isEqualTo(Date.from(Instant.parse("2026-07-15T22:59:59Z")));
    }

    @Test
    void aMonthIsACalendarMonthNotThirtyDays() {
        // 15 June 2026 + 1 month = 15 July 2026, the same day as P30D here; P1M from 31 January would differ.
        assertThat(waits.lastMoment(Period.parse("P1M"))).isEqualTo(Date.from(Instant.parse("2026-07-15T22:59:59Z")));
        assertThat(waits.lastMoment(Period.parse("P1D"))).isEqualTo(Date.from(Instant.parse("2026-06-16T22:59:59Z")));
    }

    @Test
    void aWaitEndingAfterTheClocksGoBackEndsAtMidnightGmt() {
        // From Thursday 15 October 2026 (BST) + 30 days = Saturday 14 November 2026 (GMT): 23:59:59 UTC.
        Clock october = Clock.fixed(Instant.parse("2026-10-15T08:00:00Z"), ClockConfiguration.UK);
        assertThat(new WaitDeadlines(october).lastMoment(Period.parse("P30D")))
                .isEqualTo(Date.from(Instant.parse("2026-11-14T23:59:59Z")));
    }

    @Test
    void aWaitOfNothingOrLessIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> WaitDeadlines.positive("desk.access.id-wait", Period.ZERO))
                .hasMessageContaining("desk.access.id-wait");
        assertThatThrownBy(() -> WaitDeadlines.positive("desk.erasure.id-wait", Period.parse("-P1D")))
                .hasMessageContaining("desk.erasure.id-wait");
        assertThat(WaitDeadlines.positive("desk.access.id-wait", Period.parse("P30D")))
                .isEqualTo(Period.ofDays(30));
    }
}
