package uk.lucidservices.privacydesk.sla;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.lucidservices.privacydesk.calendar.BankHolidays;
import uk.lucidservices.privacydesk.calendar.DeadlineCalculator;
import uk.lucidservices.privacydesk.calendar.UkCalendar;

@Configuration
class SlaConfiguration {

    /**
     * The bundled England & Wales holidays, or a replacement file (desk.sla.bank-holidays-file)
     * when the government announces a one-off holiday.
     */
    @Bean
    public BankHolidays bankHolidays(SlaProperties properties) {
        String file = properties.bankHolidaysFile();
        return file == null || file.isBlank() ? BankHolidays.bundled() : BankHolidays.fromPath(Path.of(file));
    }

    @Bean
    public UkCalendar ukCalendar(BankHolidays bankHolidays) {
        return new UkCalendar(bankHolidays);
    }

    @Bean
    public DeadlineCalculator deadlineCalculator(UkCalendar ukCalendar) {
        return new DeadlineCalculator(ukCalendar);
    }
}
