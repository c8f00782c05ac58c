package uk.lucidservices.privacydesk.request;

import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Need to know across the desk's API: a request, a mail or a file belongs to the team that works
 * its kind of request ({@link RequestType#team()}; mail of no known request to the privacy
 * officers, who triage it), and managers see all. To anyone else it answers as if it did not
 * exist (404, never 403), so that a sequential id or a guessed reference does not even tell that
 * a complaint exists.
 */
@Component
public class NeedToKnow {

    private final RequestRegister register;
    private final CurrentStaff staff;

    public NeedToKnow(RequestRegister register, CurrentStaff staff) {
        this.register = register;
        this.staff = staff;
    }

    /** Whether the signed-in user's team works requests of this type; null means a mail of no known request. */
    public boolean mayKnow(RequestType type) {
        String team = type == null ? DeskGroups.PRIVACY_OFFICERS : type.team();
        return staff.inAnyGroup(team, DeskGroups.MANAGERS);
    }

    /** The request, when the signed-in user may know of it; otherwise {@link RequestNotFoundException}. */
    public Request request(String reference) {
        Request request = register.get(reference);
        if (!mayKnow(request.type())) {
            throw new RequestNotFoundException(reference);
        }
        return request;
    }
}
