package uk.lucidservices.privacydesk.sla;

import static org.springframework.http.HttpStatus.CONFLICT;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.request.NeedToKnow;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * {@code POST /api/requests/{reference}/extension}: the staff who work the request's type (and
 * managers; 403 for anyone outside the desk's working groups) ask for an extension at any stage; a manager then approves it in Tasklist. 202 when
 * asked, 404 for a request the caller may not know of, 409 with why when it cannot be asked.
 */
@RestController
class ExtensionAskController {

    private final NeedToKnow needToKnow;
    private final ExtensionAsks asks;
    private final CurrentStaff staff;

    public ExtensionAskController(NeedToKnow needToKnow, ExtensionAsks asks, CurrentStaff staff) {
        this.needToKnow = needToKnow;
        this.asks = asks;
        this.staff = staff;
    }

    @PostMapping("/api/requests/{reference}/extension")
    public ResponseEntity<Map<String, String>> askForExtension(@PathVariable String reference) {
        staff.requireAnyGroup(DeskGroups.WORKING_GROUPS.toArray(String[]::new));
        Request request = needToKnow.request(reference);
        try {
            asks.ask(request);
        } catch (ExtensionAsks.AskRefusedException e) {
            return ResponseEntity.status(CONFLICT).body(Map.of("error", "conflict", "message", e.getMessage()));
        }
        return ResponseEntity.accepted().body(Map.of("reference", request.reference(), "asked", "extension"));
    }
}
