package uk.lucidservices.privacydesk.mail;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.request.NeedToKnow;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * The letters of a request that go by post, as staff print them (the task "Post the ... letter"
 * points here), with when each was handed over and when it was posted. The request's team and
 * managers only; anyone else is answered as if the request did not exist.
 */
@RestController
class LettersToPostController {

    private final SentLetters sentLetters;
    private final NeedToKnow needToKnow;
    private final CurrentStaff staff;

    LettersToPostController(SentLetters sentLetters, NeedToKnow needToKnow, CurrentStaff staff) {
        this.sentLetters = sentLetters;
        this.needToKnow = needToKnow;
        this.staff = staff;
    }

    @GetMapping("/api/requests/{reference}/letters-to-post")
    List<SentLetters.LetterToPost> letters(@PathVariable String reference) {
        staff.requireAnyGroup(DeskGroups.WORKING_GROUPS.toArray(String[]::new));
        Request request = needToKnow.request(reference);
        return sentLetters.toPost(request.reference());
    }
}
