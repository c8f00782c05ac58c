package uk.lucidservices.privacydesk.mail;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.DeskProcessStart;
import uk.lucidservices.privacydesk.request.Request;

/**
 * Sends a letter later, outside any request process, through the small {@code desk-letter}
 * process. Started in the caller's transaction, it is the desk's outbox: the letter goes out
 * only if that transaction commits, and then with the job executor's retries and incidents.
 */
@Component
public class LetterQueue {

    public static final String PROCESS_KEY = "desk-letter";

    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    public LetterQueue(RuntimeService runtimeService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /** Returns the id of the letter's process instance. */
    public String enqueue(Request request, String template) {
        // Started by the desk itself: a staff member triaging a mail needs no rights on this process.
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return DeskProcessStart.byDesk(() -> runtimeService
                    .startProcessInstanceByKey(
                            PROCESS_KEY,
                            request.reference(),
                            Map.of(
                                    "requestReference",
                                    request.reference(),
                                    "requestId",
                                    request.id(),
                                    "letterTemplate",
                                    template))
                    .getId());
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
