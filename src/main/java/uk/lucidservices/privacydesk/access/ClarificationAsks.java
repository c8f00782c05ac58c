package uk.lucidservices.privacydesk.access;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.request.InvalidRequestException;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.sla.PauseClock;
import uk.lucidservices.privacydesk.sla.RequestClockService;

/**
 * An officer's question to the requester at any stage before the answer is sent (Art. 12A): the
 * question is kept on the request as a triage note (the clarification letter quotes it; the engine
 * never holds it), then the {@code clarification-asked} message starts the request process's event
 * sub-process, which stops the clock, sends the letter and waits for the answer or closes the
 * request. Refused (with why) once the answer was sent, for request types that take no
 * clarification, while a question is already waiting for its answer or the desk waits for ID, and
 * when the request's process takes none at its stage; nothing is kept when refused.
 */
@Component
class ClarificationAsks {

    static final String MESSAGE = "clarification-asked";

    private final RuntimeService runtime;
    private final RequestClockService clocks;
    private final IdentityService identityService;
    private final RequestRegister register;
    private final TriageNotes notes;
    private final Clock clock;

    ClarificationAsks(
            RuntimeService runtime,
            RequestClockService clocks,
            IdentityService identityService,
            RequestRegister register,
            TriageNotes notes,
            Clock clock) {
        this.runtime = runtime;
        this.clocks = clocks;
        this.identityService = identityService;
        this.register = register;
        this.notes = notes;
        this.clock = clock;
    }

    /** Why the question cannot be asked now, thrown as {@link AskRefusedException}. */
    static class AskRefusedException extends RuntimeException {
        AskRefusedException(String message) {
            super(message);
        }
    }

    /**
     * Why a request of this type takes no clarification, or null when it does: only the rights with a
     * one-month clock that Art. 12A stops (access, erasure, rectification, restriction, portability and
     * Art. 21(1) objection).
     */
    static String notForType(RequestType type) {
        return switch (type) {
            case SUBJECT_ACCESS, ERASURE, RECTIFICATION, RESTRICTION, PORTABILITY, PROCESSING_OBJECTION -> null;
            case COMPLAINT ->
                "A complaint takes no clarification with a stopped clock: the handler asks what is"
                        + " needed while working it, and its acknowledgement and ADR dates do not stop";
            case OBJECTION ->
                "An objection to direct marketing is absolute and acted on by the next working day"
                        + " on the identifiers given: there is nothing to clarify and no clock to stop";
            case DO_NOT_RECORD ->
                "A request to stop recording calls is acted on by the next working day on the"
                        + " identifiers given: there is nothing to clarify and no clock to stop";
            case TRANSCRIPT_COPY ->
                "A transcript copy names its chat and goes only to the address in it: there is"
                        + " nothing to clarify (a wider question makes it a subject access request)";
        };
    }

    /**
     * Asks {@code question} of the requester of {@code request}. {@code askedOn}: the day the question
     * was already put by phone or in person, from which the clock stops; null for today.
     */
    @Transactional
    public void ask(Request request, String question, LocalDate askedOn, String userId) {
        String reference = request.reference();
        if (request.closedAt() != null || request.outcome() != null) {
            throw new AskRefusedException(
                    "The answer to " + reference + " was sent: a clarification can only be asked before it");
        }
        String notForType = notForType(request.type());
        if (notForType != null) {
            throw new AskRefusedException(notForType);
        }
        if (clocks.awaitingClarification(reference)) {
            throw new AskRefusedException("A clarification of " + reference
                    + " is already waiting for the requester's answer: ask again once it is answered");
        }
        if (clocks.waitingForId(reference)) {
            throw new AskRefusedException("The desk waits for the ID it asked for on " + reference
                    + ": the clock has not started, so there is none to stop; ask once the ID has arrived");
        }
        if (question == null || question.isBlank()) {
            throw new InvalidRequestException(
                    "Write the question the requester should answer: the clarification letter asks it");
        }
        LocalDate today = LocalDate.now(clock);
        if (askedOn != null && askedOn.isAfter(today)) {
            throw new InvalidRequestException("The day the question was asked (" + askedOn + ") is in the future");
        }
        if (askedOn != null && request.clockStart() != null && askedOn.isBefore(request.clockStart())) {
            throw new InvalidRequestException("The day the question was asked (" + askedOn
                    + ") is before the request's clock started (" + request.clockStart() + ")");
        }
        try {
            notes.write(request.id(), TriageNotes.Kind.CLARIFICATION_QUESTION, question, userId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        // The desk's API has checked who may ask; the engine takes the message as the desk itself.
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            runtime.createMessageCorrelation(MESSAGE)
                    .processInstanceBusinessKey(reference)
                    .setVariable(PauseClock.ASKED_ON, Variables.untypedValue(askedOn == null ? today : askedOn, true))
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new AskRefusedException("The process of " + reference + " takes no clarification at this stage");
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
        register.record(
                request.id(),
                "CLARIFICATION_ASKED",
                userId,
                "Clarification asked; the question is kept as a triage note");
    }
}
