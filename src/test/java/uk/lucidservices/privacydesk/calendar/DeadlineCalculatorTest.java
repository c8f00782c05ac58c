package uk.lucidservices.privacydesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineCalculatorTest {

    private final UkCalendar calendar = UkCalendar.englandAndWales();
    private final DeadlineCalculator calculator = new DeadlineCalculator(calendar);

    @Test
    void workingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 2))).isTrue(); // Thu
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 3))).isFalse(); // Good Friday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 4))).isFalse(); // Saturday
        assertThat(calendar.onOrNextWorkingDay(LocalDate.of(2026, 4, 2))).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(calendar.onOrNextWorkingDay(LocalDate.of(2026, 4, 3))).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(calendar.onOrNextWorkingDay(LocalDate.of(2027, 12, 24))).isEqualTo(LocalDate.of(2027, 12, 24));
        assertThat(calendar.onOrNextWorkingDay(LocalDate.of(2027, 12, 25))).isEqualTo(LocalDate.of(2027, 12, 29));
    }

    @Test
    void openPauseKeepsMovingTheDeadline() {
        RequestClock clock =
                RequestClock.receivedOn(LocalDate.of(2026, 2, 2)).withPause(ClockPause.open(LocalDate.of(2026, 2, 9)));
        Deadlines day1 = calculator.compute(clock, LocalDate.of(2026, 2, 10));
        Deadlines day2 = calculator.compute(clock, LocalDate.of(2026, 2, 11));
        assertThat(day1.paused()).isTrue();
        assertThat(day1.pausedDays()).isEqualTo(1);
        assertThat(day2.pausedDays()).isEqualTo(2);
        assertThat(day1.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(day2.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    @Test
    void extendingKeepsPausesAndClockStart() {
        RequestClock clock = RequestClock.receivedOn(LocalDate.of(2026, 3, 10))
                .withClockStart(LocalDate.of(2026, 3, 16))
                .withPause(ClockPause.closed(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 22)))
                .withExtended(true);
        // 16 Jun + 2 = Thu 18 Jun 2026
        assertThat(calculator.statutoryDeadline(clock, LocalDate.of(2026, 4, 1)))
                .isEqualTo(LocalDate.of(2026, 6, 18));
        assertThat(calculator.extensionAllowed(clock, LocalDate.of(2026, 3, 16)))
                .isFalse();
    }

    @Test
    void clockPauseRules() {
        assertThat(ClockPause.closed(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1))
                        .days(LocalDate.of(2026, 6, 1)))
                .isZero();
        assertThat(ClockPause.open(LocalDate.of(2026, 1, 10)).days(LocalDate.of(2026, 1, 5)))
                .isZero();
        assertThatThrownBy(() -> ClockPause.closed(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestClockDefaultsAndValidation() {
        RequestClock clock = new RequestClock(LocalDate.of(2026, 1, 5), null, null, false);
        assertThat(clock.clockStart()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(clock.pauses()).isEmpty();
        assertThat(clock.isPaused()).isFalse();
        assertThatThrownBy(() -> new RequestClock(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 4), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
