package uk.lucidservices.privacydesk.sla;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

import java.util.List;

/**
 * Managers' view of every open request's clocks, for the Cockpit dashboard plugin and for
 * reporting. Managers only: 403 for other staff, 401 without a sign-in (HTTP Basic, or a Cockpit
 * session for reading).
 */
@RestController
@RequestMapping("/api/sla")
class SlaController {

    private final SlaBoard board;
    private final CurrentStaff staff;

    public SlaController(SlaBoard board, CurrentStaff staff) {
        this.board = board;
        this.staff = staff;
    }

    @GetMapping("/requests")
    public List<RequestSla> requests() {
        staff.requireAnyGroup(DeskGroups.MANAGERS);
        return board.openRequests();
    }
}
