package uk.lucidservices.privacydesk.sla;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * An officer's ask for an extension at any stage before the answer is sent: correlates the
 * {@code extension-asked} message to the request's process, whose event sub-process puts the
 * ask before a manager. Refused (with why) once the answer was sent, for complaints, after the
 * first month or when already extended, and when the request's process takes no ask.
 */
@Component
public class ExtensionAsks {

    public static final String MESSAGE = "extension-asked";

    private final RuntimeService runtime;
    private final RequestClockService clocks;
    private final IdentityService identityService;
    private final RequestRegister register;

    public ExtensionAsks(
            RuntimeService runtime,
            RequestClockService clocks,
            IdentityService identityService,
            RequestRegister register) {
        this.runtime = runtime;
        this.clocks = clocks;
        this.identityService = identityService;
        this.register = register;
    }

    /** Why the ask is refused, thrown as {@link AskRefusedException}. */
    public static class AskRefusedException extends RuntimeException {
        public AskRefusedException(String message) {
            super(message);
        }
    }

    public void ask(Request request) {
        String reference = request.reference();
        if (request.closedAt() != null || request.outcome() != null) {
            throw new AskRefusedException(
                    "The answer to " + reference + " was sent: an extension can only be asked before it");
        }
        if (request.type() == RequestType.COMPLAINT) {
            throw new AskRefusedException("A complaint has no statutory extension");
        }
        if (request.extended()) {
            throw new AskRefusedException("The deadline of " + reference + " has already been extended once");
        }
        if (!clocks.extensionAllowed(reference)) {
            throw new AskRefusedException("The first month of " + reference + " ended on "
                    + clocks.current(reference).statutoryDeadline()
                    + ": an extension must be decided and told to the requester within it");
        }
        // The desk's API has checked who may ask; the engine takes the message as the desk itself.
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            runtime.createMessageCorrelation(MESSAGE)
                    .processInstanceBusinessKey(reference)
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new AskRefusedException("The process of " + reference + " takes no extension ask at this stage");
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
        register.record(
                request.id(),
                "EXTENSION_ASKED",
                caller == null ? null : caller.getUserId(),
                "Extension asked; a manager decides it");
    }
}
