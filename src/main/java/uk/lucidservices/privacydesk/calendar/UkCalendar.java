package uk.lucidservices.privacydesk.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** Working days in England &amp; Wales: Monday to Friday, not a bank holiday. */
public final class UkCalendar {

    private final BankHolidays bankHolidays;

    public UkCalendar(BankHolidays bankHolidays) {
        this.bankHolidays = Objects.requireNonNull(bankHolidays, "bankHolidays");
    }

    /** Calendar backed by the bundled bank holiday file. */
    public static UkCalendar englandAndWales() {
        return new UkCalendar(BankHolidays.bundled());
    }

    public boolean isWorkingDay(LocalDate date) {
        return !BankHolidayRules.isWeekend(date) && !bankHolidays.isBankHoliday(date);
    }

    public LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The {@code days}-th working day after {@code date} (Monday plus 2 is Wednesday; Friday plus 2 is Tuesday). */
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        LocalDate d = date;
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    public BankHolidays bankHolidays() {
        return bankHolidays;
    }
}
