package uk.lucidservices.privacydesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ArgumentCountValidationMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-computed date tables; see the comments at the top of each CSV for the rules used. */
class DeadlineTableTest {

    private final DeadlineCalculator calculator = new DeadlineCalculator(UkCalendar.englandAndWales());

    @ParameterizedTest(name = "[{index}] {0}", argumentCountValidation = ArgumentCountValidationMode.STRICT)
    @CsvFileSource(resources = "/sla/deadline-cases.csv", delimiter = '|')
    void requestDeadlines(
            String description,
            LocalDate received,
            LocalDate clockStart,
            String pauses,
            Boolean extended,
            LocalDate today,
            LocalDate statutory,
            LocalDate internal,
            LocalDate escalation,
            long pausedDays) {
        RequestClock clock = clock(received, clockStart, pauses, extended);

        Deadlines d = calculator.compute(clock, today == null ? received : today);

        assertThat(d.statutoryDeadline()).as("statutory").isEqualTo(statutory);
        assertThat(d.internalTarget()).as("internal target").isEqualTo(internal);
        assertThat(d.escalationDate()).as("escalation").isEqualTo(escalation);
        assertThat(d.pausedDays()).as("paused days").isEqualTo(pausedDays);
        assertThat(d.clockStart()).isEqualTo(clockStart == null ? received : clockStart);
        assertThat(d.paused()).as("open pause").isEqualTo(pauses != null && pauses.endsWith(".."));
        assertThat(d.extended()).isEqualTo(Boolean.TRUE.equals(extended));
    }

    @ParameterizedTest(name = "[{index}] {0}", argumentCountValidation = ArgumentCountValidationMode.STRICT)
    @CsvFileSource(resources = "/sla/extension-cases.csv", delimiter = '|')
    void extensionAllowed(
            String description,
            LocalDate received,
            LocalDate clockStart,
            String pauses,
            Boolean extended,
            LocalDate today,
            boolean allowed) {
        assertThat(calculator.extensionAllowed(clock(received, clockStart, pauses, extended), today))
                .isEqualTo(allowed);
    }

    // received | s.164A acknowledgement (30 days beginning with receipt: receipt is day 1) | internal (+28)
    // | escalation (internal - 7) | ADR point (+56, eight weeks)
    @ParameterizedTest(name = "[{index}] {0}", argumentCountValidation = ArgumentCountValidationMode.STRICT)
    @CsvSource(delimiter = '|', textBlock = """
            31 Jan 2026 across a short February | 2026-01-31 | 2026-03-01 | 2026-02-28 | 2026-02-21 | 2026-03-28
            Leap February 2028                  | 2028-02-01 | 2028-03-01 | 2028-02-29 | 2028-02-22 | 2028-03-28
            Across the year end                 | 2026-12-20 | 2027-01-18 | 2027-01-17 | 2027-01-10 | 2027-02-14
            Received 15 June: ack due 14 July   | 2026-06-15 | 2026-07-14 | 2026-07-13 | 2026-07-06 | 2026-08-10
            Received on Christmas Day 2027      | 2027-12-25 | 2028-01-23 | 2028-01-22 | 2028-01-15 | 2028-02-19
            """)
    void complaintDeadlines(
            String description,
            LocalDate received,
            LocalDate ack,
            LocalDate internal,
            LocalDate escalation,
            LocalDate adr) {
        assertThat(calculator.complaint(received))
                .isEqualTo(new ComplaintDeadlines(received, ack, internal, escalation, adr));
    }

    @ParameterizedTest(name = "[{index}] {0}", argumentCountValidation = ArgumentCountValidationMode.STRICT)
    @CsvSource(delimiter = '|', textBlock = """
            35 days left                      | 2026-04-07 | 2026-03-03 |  35 | GREEN
            8 days left is still green        | 2026-04-07 | 2026-03-30 |   8 | GREEN
            7 days left turns amber           | 2026-04-07 | 2026-03-31 |   7 | AMBER
            1 day left                        | 2026-04-07 | 2026-04-06 |   1 | AMBER
            Deadline day is amber, not red    | 2026-04-07 | 2026-04-07 |   0 | AMBER
            Day after the deadline is red     | 2026-04-07 | 2026-04-08 |  -1 | RED
            30 days overdue                   | 2026-04-07 | 2026-05-07 | -30 | RED
            7 days across the year end        | 2027-01-04 | 2026-12-28 |   7 | AMBER
            """)
    void ragStatus(String description, LocalDate deadline, LocalDate today, long daysLeft, SlaStatus status) {
        assertThat(calculator.daysLeft(deadline, today)).isEqualTo(daysLeft);
        assertThat(calculator.status(deadline, today)).isEqualTo(status);
    }

    // Identity and triage tasks are due two working days (England and Wales) after they are made.
    @ParameterizedTest(name = "[{index}] {0}", argumentCountValidation = ArgumentCountValidationMode.STRICT)
    @CsvSource(delimiter = '|', textBlock = """
            Monday to Wednesday                          | 2026-06-15 | 2026-06-17
            Friday to Tuesday over the weekend           | 2026-06-19 | 2026-06-23
            Saturday to Tuesday                          | 2026-06-20 | 2026-06-23
            Friday before the Spring bank holiday 2026   | 2026-05-22 | 2026-05-27
            Thursday before Good Friday and Easter 2026  | 2026-04-02 | 2026-04-08
            Christmas Eve 2026 to Wednesday 30 December  | 2026-12-24 | 2026-12-30
            """)
    void twoWorkingDays(String description, LocalDate made, LocalDate due) {
        assertThat(UkCalendar.englandAndWales().plusWorkingDays(made, 2)).isEqualTo(due);
    }

    static RequestClock clock(LocalDate received, LocalDate clockStart, String pauses, Boolean extended) {
        return new RequestClock(received, clockStart, parsePauses(pauses), Boolean.TRUE.equals(extended));
    }

    /** "a..b;c.." -> closed pause a..b and open pause from c. */
    static List<ClockPause> parsePauses(String spec) {
        List<ClockPause> pauses = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return pauses;
        }
        for (String part : spec.split(";")) {
            String[] ends = part.trim().split("\\.\\.", -1);
            LocalDate asked = LocalDate.parse(ends[0]);
            pauses.add(ends[1].isEmpty() ? ClockPause.open(asked) : ClockPause.closed(asked, LocalDate.parse(ends[1])));
        }
        return pauses;
    }
}
