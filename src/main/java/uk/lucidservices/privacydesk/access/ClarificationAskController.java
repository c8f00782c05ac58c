package uk.lucidservices.privacydesk.access;

import static org.springframework.http.HttpStatus.CONFLICT;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.request.NeedToKnow;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * {@code POST /api/requests/{reference}/clarification} with {@code {"question": "...", "askedOn": "2026-06-08"}} (askedOn optional): the staff who
 * work the request's type (and managers; 403 for anyone outside the desk's working groups) ask the
 * requester a question at any stage; the clock stops until the answer. 202 when asked, 400 without a
 * question, 404 for a request the caller may not know of, 409 with why when it cannot be asked.
 */
@RestController
class ClarificationAskController {

    /**
     * The body: the question, which goes to the letter and the request's notes, never to the engine;
     * optionally {@code askedOn}, the day it was already put by phone or in person (the clock stops from then).
     */
    record ClarificationAsk(String question, LocalDate askedOn) {}

    private final NeedToKnow needToKnow;
    private final ClarificationAsks asks;
    private final CurrentStaff staff;

    ClarificationAskController(NeedToKnow needToKnow, ClarificationAsks asks, CurrentStaff staff) {
        this.needToKnow = needToKnow;
        this.asks = asks;
        this.staff = staff;
    }

    @PostMapping("/api/requests/{reference}/clarification")
    public ResponseEntity<Map<String, String>> askForClarification(
            @PathVariable String reference, @RequestBody(required = false) ClarificationAsk body) {
        staff.requireAnyGroup(DeskGroups.WORKING_GROUPS.toArray(String[]::new));
        Request request = needToKnow.request(reference);
        try {
            asks.ask(
                    request,
                    body == null ? null : body.question(),
                    body == null ? null : body.askedOn(),
                    staff.userId());
        } catch (ClarificationAsks.AskRefusedException e) {
            return ResponseEntity.status(CONFLICT).body(Map.of("error", "conflict", "message", e.getMessage()));
        }
        return ResponseEntity.accepted().body(Map.of("reference", request.reference(), "asked", "clarification"));
    }
}
