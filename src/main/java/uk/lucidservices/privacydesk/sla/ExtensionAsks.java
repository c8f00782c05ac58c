package uk.lucidservices.privacydesk.sla;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * An officer's ask for an extension at any stage before the answer is sent: correlates the
 * {@code extension-asked} message to the request's process, whose event sub-process puts the
 * ask before a manager. Refused (with why) once the answer was sent, for complaints, after the
 * first month or when already extended, when the request's process takes no ask, and while another
 * ask (from here or from triage's extension route) waits for a manager's decision.
 * <p>
 * One ask at a time: the ask marks the request ({@link RequestRegister#markExtensionAsked}, a conditional
 * update) in the same transaction that correlates the message and creates the manager's task, so of two
 * asks at once the second waits for the first's row lock, then finds the mark and is refused; a refused
 * correlation rolls the mark back. The manager's decision ({@code recordExtensionDecision}) clears it.
 * <p>
 * Four eyes: the mark keeps who asked (the caller here, the triage task's completer from triage), and the
 * manager's decision is refused when it is the same person.
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

    @Transactional
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
        markAsked(request, caller == null ? null : caller.getUserId());
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

    /**
     * Triage chose the extension route (called from the triage task's completion, in its transaction):
     * marks the ask that goes to the manager, or refuses (and so the task does not complete) while another
     * ask waits for one. When the extension is no longer possible nothing is marked: the process's
     * "Still within the first month?" gateway sends the request back to triage.
     */
    public void askFromTriage(Request request, String askedBy) {
        if (request.extended() || !clocks.extensionAllowed(request.reference())) {
            return;
        }
        markAsked(request, askedBy);
    }

    /** Marks the ask with who asked: the manager who decides it must be someone else (four eyes). */
    private void markAsked(Request request, String askedBy) {
        if (!register.markExtensionAsked(request.id(), askedBy)) {
            if (register.get(request.reference()).extended()) {
                throw new AskRefusedException(
                        "The deadline of " + request.reference() + " has already been extended once");
            }
            throw new AskRefusedException("An extension ask for " + request.reference()
                    + " is already with a manager: wait for the decision");
        }
    }
}
