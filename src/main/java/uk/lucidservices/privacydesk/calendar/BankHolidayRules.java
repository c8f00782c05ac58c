package uk.lucidservices.privacydesk.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The standing England &amp; Wales bank holiday rules. Used only for years the data file does not
 * cover, because one-off changes (jubilees, state funerals, moved Mondays) cannot be derived.
 */
final class BankHolidayRules {

    private BankHolidayRules() {}

    /** Bank holidays of {@code year} under the standing rules, in date order. */
    public static SortedMap<LocalDate, String> forYear(int year) {
        SortedMap<LocalDate, String> days = new TreeMap<>();
        addNewYear(days, year);
        LocalDate easter = easterSunday(year);
        days.put(easter.minusDays(2), "Good Friday");
        days.put(easter.plusDays(1), "Easter Monday");
        LocalDate may = LocalDate.of(year, Month.MAY, 1);
        days.put(may.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)), "Early May bank holiday");
        days.put(may.with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), "Spring bank holiday");
        days.put(
                LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                "Summer bank holiday");
        addChristmas(days, year);
        return Collections.unmodifiableSortedMap(days);
    }

    /** Easter Sunday by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static void addNewYear(SortedMap<LocalDate, String> days, int year) {
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        if (isWeekend(newYear)) {
            days.put(newYear.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), "New Year's Day (substitute day)");
        } else {
            days.put(newYear, "New Year's Day");
        }
    }

    private static void addChristmas(SortedMap<LocalDate, String> days, int year) {
        LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
        switch (christmas.getDayOfWeek()) {
            case FRIDAY -> { // Boxing Day falls on Saturday
                days.put(christmas, "Christmas Day");
                days.put(christmas.plusDays(3), "Boxing Day (substitute day)");
            }
            case SATURDAY -> {
                days.put(christmas.plusDays(2), "Christmas Day (substitute day)");
                days.put(christmas.plusDays(3), "Boxing Day (substitute day)");
            }
            case SUNDAY -> { // Boxing Day keeps the Monday; Christmas moves to Tuesday
                days.put(christmas.plusDays(1), "Boxing Day");
                days.put(christmas.plusDays(2), "Christmas Day (substitute day)");
            }
            default -> {
                days.put(christmas, "Christmas Day");
                days.put(christmas.plusDays(1), "Boxing Day");
            }
        }
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
