package uk.lucidservices.privacydesk.sla;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * What a manager reports on, as of today: requests received and closed per week by type (the last
 * twelve weeks), the share closed by the statutory deadline per month (the last twelve months),
 * open requests by days left on the statutory clock, and the requests that breached a clock.
 * References, types, dates and counts only. Reads the register; never writes it.
 */
@Component
class SlaReport {

    static final int WEEKS = 12;
    static final int MONTHS = 12;

    /** Days left on the statutory clock, as the dashboard groups them; the last is open-ended. */
    static final List<String> DAYS_LEFT_BANDS = List.of("overdue", "0-7", "8-14", "15-28", "29+");

    private final RequestRegister register;
    private final SlaBoard board;
    private final Clock clock;

    SlaReport(RequestRegister register, SlaBoard board, Clock clock) {
        this.register = register;
        this.board = board;
        this.clock = clock;
    }

    record Week(LocalDate monday, Map<RequestType, Integer> received, Map<RequestType, Integer> closed) {}

    record Month(YearMonth month, int closed, int onTime) {}

    record Breach(
            String reference,
            RequestType type,
            LocalDate statutoryDeadline,
            boolean internalTargetMissed,
            boolean statutoryDeadlineMissed,
            boolean open,
            String processInstanceId) {}

    record Report(
            LocalDate today,
            List<Week> weeks,
            List<Month> months,
            int closedInYear,
            int onTimeInYear,
            Map<String, Integer> openByDaysLeft,
            List<Breach> breaches) {}

    private record Row(
            String reference,
            RequestType type,
            LocalDate received,
            LocalDate closed,
            LocalDate deadline,
            boolean breached,
            boolean internalMissed,
            boolean statutoryMissed,
            String processInstanceId) {}

    Report report() {
        LocalDate today = LocalDate.now(clock);
        LocalDate firstMonday =
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
        YearMonth firstMonth = YearMonth.from(today).minusMonths(MONTHS - 1);
        LocalDate since = firstMonth.atDay(1).isBefore(firstMonday) ? firstMonth.atDay(1) : firstMonday;
        List<Row> rows = rows(since);

        Map<LocalDate, Week> weeks = new LinkedHashMap<>();
        for (int w = 0; w < WEEKS; w++) {
            LocalDate monday = firstMonday.plusWeeks(w);
            weeks.put(monday, new Week(monday, perType(), perType()));
        }
        Map<YearMonth, int[]> months = new LinkedHashMap<>();
        for (int m = 0; m < MONTHS; m++) {
            months.put(firstMonth.plusMonths(m), new int[2]);
        }
        List<Breach> breaches = new ArrayList<>();
        for (Row r : rows) {
            count(weeks, r.received(), r.type(), true);
            if (r.closed() != null) {
                count(weeks, r.closed(), r.type(), false);
                int[] month = months.get(YearMonth.from(r.closed()));
                if (month != null) {
                    month[0]++;
                    if (r.deadline() == null || !r.closed().isAfter(r.deadline())) {
                        month[1]++;
                    }
                }
            }
            if (r.breached() && (r.closed() == null || !r.closed().isBefore(since))) {
                breaches.add(new Breach(
                        r.reference(),
                        r.type(),
                        r.deadline(),
                        r.internalMissed(),
                        r.statutoryMissed(),
                        r.closed() == null,
                        r.processInstanceId()));
            }
        }
        List<Month> monthList = months.entrySet().stream()
                .map(e -> new Month(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
        Map<String, Integer> byDaysLeft = new LinkedHashMap<>();
        DAYS_LEFT_BANDS.forEach(band -> byDaysLeft.put(band, 0));
        board.openRequests().forEach(r -> byDaysLeft.merge(band(r.statutoryDaysLeft()), 1, Integer::sum));
        return new Report(
                today,
                List.copyOf(weeks.values()),
                monthList,
                monthList.stream().mapToInt(Month::closed).sum(),
                monthList.stream().mapToInt(Month::onTime).sum(),
                byDaysLeft,
                breaches);
    }

    static String band(long daysLeft) {
        if (daysLeft < 0) {
            return "overdue";
        }
        return daysLeft <= 7 ? "0-7" : daysLeft <= 14 ? "8-14" : daysLeft <= 28 ? "15-28" : "29+";
    }

    private void count(Map<LocalDate, Week> weeks, LocalDate day, RequestType type, boolean received) {
        Week week = weeks.get(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        if (week != null) {
            (received ? week.received() : week.closed()).merge(type, 1, Integer::sum);
        }
    }

    private static Map<RequestType, Integer> perType() {
        Map<RequestType, Integer> counts = new EnumMap<>(RequestType.class);
        for (RequestType type : RequestType.values()) {
            counts.put(type, 0);
        }
        return counts;
    }

    private List<Row> rows(LocalDate since) {
        OffsetDateTime from = since.atStartOfDay(clock.getZone()).toOffsetDateTime();
        return register.datesSince(from).stream()
                .map(d -> new Row(
                        d.reference(),
                        d.type(),
                        localDate(d.receivedAt()),
                        localDate(d.closedAt()),
                        d.statutoryDeadline(),
                        d.breached(),
                        d.internalTargetBreached(),
                        d.statutoryDeadlineBreached(),
                        d.processInstanceId()))
                .toList();
    }

    private LocalDate localDate(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(clock.getZone()).toLocalDate();
    }
}
