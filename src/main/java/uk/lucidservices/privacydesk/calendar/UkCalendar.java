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

    public BankHolidays bankHolidays() {
        return bankHolidays;
    }
}
