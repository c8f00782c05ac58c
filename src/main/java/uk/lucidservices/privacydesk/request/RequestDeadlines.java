package uk.lucidservices.privacydesk.request;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.calendar.ComplaintDeadlines;
import uk.lucidservices.privacydesk.calendar.DeadlineCalculator;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.calendar.RequestClock;

/** The dates a new request starts with, per type; every process reads them from here. */
@Component
class RequestDeadlines {

    public record Dates(LocalDate statutoryDeadline, LocalDate internalTarget, LocalDate escalationDate) {}

    private final DeadlineCalculator calculator;

    public RequestDeadlines(DeadlineCalculator calculator) {
        this.calculator = calculator;
    }

    public Dates initial(RequestType type, LocalDate received) {
        if (type == RequestType.COMPLAINT) {
            ComplaintDeadlines c = calculator.complaint(received);
            // A complaint's hard outside point is Ofcom's eight weeks; the 30-day acknowledgement is sent at once.
            return new Dates(c.ofcomAdrPoint(), c.internalTarget(), c.escalationDate());
        }
        if (type.actedOnByNextWorkingDay()) {
            Deadlines d = calculator.nextWorkingDay(received);
            return new Dates(d.statutoryDeadline(), d.internalTarget(), d.escalationDate());
        }
        Deadlines d = calculator.compute(RequestClock.receivedOn(received), received);
        return new Dates(d.statutoryDeadline(), d.internalTarget(), d.escalationDate());
    }
}
