package uk.lucidservices.privacydesk.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.DeskProcessStart;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Letters for requesters with no email address the letter may go to: a Tasklist task (process
 * {@code post-letter}) asks staff to print the letter and post it, due the next day, and the request
 * records that it went to post. The letter counts as given when staff complete the task
 * ({@link RecordLetterPosted}), not when the task was made. The task names the letter and the
 * reference only (the engine keeps it).
 */
@Component
class LettersByPost {

    static final String PROCESS_KEY = "post-letter";

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final RequestRegister register;
    private final Clock clock;

    public LettersByPost(
            RuntimeService runtimeService, IdentityService identityService, RequestRegister register, Clock clock) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.register = register;
        this.clock = clock;
    }

    public void ask(Request request, String template, long sentLetterId) {
        String group =
                request.type() == RequestType.COMPLAINT ? DeskGroups.COMPLAINT_HANDLERS : DeskGroups.PRIVACY_OFFICERS;
        // Started by the desk itself: whoever's step sent the letter needs no rights on this process.
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            DeskProcessStart.byDesk(() -> runtimeService.startProcessInstanceByKey(
                    PROCESS_KEY,
                    Map.of(
                            "requestReference",
                            request.reference(),
                            "requestId",
                            request.id(),
                            "letterTemplate",
                            template,
                            "sentLetterId",
                            sentLetterId,
                            "postingGroup",
                            group,
                            "postBy",
                            Date.from(clock.instant().plus(Duration.ofDays(1))))));
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
        register.record(request.id(), "LETTER_TO_POST", "desk", "template=" + template + "; to=requester by post");
    }
}
