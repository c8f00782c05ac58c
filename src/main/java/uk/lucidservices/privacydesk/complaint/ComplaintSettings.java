package uk.lucidservices.privacydesk.complaint;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.RequestRegister;

/** Values the complaint process's timers read (`${complaintSettings...}` in complaint.bpmn). */
@Component("complaintSettings")
public class ComplaintSettings {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final RequestRegister register;
    private final Duration progressInterval;

    public ComplaintSettings(RequestRegister register, ComplaintProperties properties) {
        this.register = register;
        this.progressInterval = properties.progressInterval();
    }

    /** How often the complainant hears how it is going, as a repeating ISO 8601 cycle. */
    public String progressCycle() {
        return "R/" + progressInterval;
    }

    /** Ofcom's eight-week point for this complaint, 09:00 UK time that day. */
    public Date ofcomAdrPoint(String reference) {
        return Date.from(register.get(reference)
                .statutoryDeadline()
                .atTime(LocalTime.of(9, 0))
                .atZone(UK)
                .toInstant());
    }
}
