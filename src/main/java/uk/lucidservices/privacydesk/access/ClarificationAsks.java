package uk.lucidservices.privacydesk.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
 * request. Refused (with why) once the answer was sent or is in effect given (an erasure authorised
 * or run, a disclosure pack approved), once the statutory deadline passed or while an SLA breach is
 * recorded (a backdated pause must not undo it), for request types that take no clarification, while
 * a question is already waiting for its answer (one ask at a time: a conditional update on the
 * request in the transaction that correlates) or the desk waits for ID, and when the request's
 * process takes none at its stage; nothing is kept when refused. A question already put by phone or
 * in person may be recorded at most {@link #MAX_DAYS_BACK} days back.
 */
@Component
class ClarificationAsks {

    static final String MESSAGE = "clarification-asked";

    /** How far back the day a question was already put may be recorded (a backdated ask stops the clock from it). */
    static final int MAX_DAYS_BACK = 14;

    /** The register events that say an erasure was authorised or ran (recorded by the erasure steps). */
    private static final List<String> ERASURE_DECIDED = List.of("ERASURE_APPROVED", "ERASED", "ERASED_BY_HAND");

    private static final String PACK_APPROVED = "PACK_APPROVED";

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
        LocalDate today = LocalDate.now(clock);
        if (request.statutoryDeadline() != null && request.statutoryDeadline().isBefore(today)) {
            throw new AskRefusedException("The statutory deadline of " + reference + " passed on "
                    + request.statutoryDeadline()
                    + ": a clarification cannot stop a clock that has already run out");
        }
        if (clocks.breachRecorded(reference)) {
            throw new AskRefusedException("An SLA breach is recorded for " + reference
                    + ": a clarification cannot move the dates back under it; answer the request");
        }
        String answered = answerGiven(request);
        if (answered != null) {
            throw new AskRefusedException(answered);
        }
        if (question == null || question.isBlank()) {
            throw new InvalidRequestException(
                    "Write the question the requester should answer: the clarification letter asks it");
        }
        if (askedOn != null && askedOn.isAfter(today)) {
            throw new InvalidRequestException("The day the question was asked (" + askedOn + ") is in the future");
        }
        if (askedOn != null && askedOn.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            throw new InvalidRequestException("The day the question was asked (" + askedOn + ") is more than "
                    + MAX_DAYS_BACK + " days ago: record a question put by phone or in person within "
                    + MAX_DAYS_BACK + " days, or ask it now");
        }
        if (askedOn != null && request.clockStart() != null && askedOn.isBefore(request.clockStart())) {
            throw new InvalidRequestException("The day the question was asked (" + askedOn
                    + ") is before the request's clock started (" + request.clockStart() + ")");
        }
        // One ask at a time: of two at once the second waits for this row lock, then finds the mark.
        if (!register.markClarificationAsked(request.id())) {
            throw new AskRefusedException("A clarification of " + reference
                    + " is already waiting for the requester's answer: ask again once it is answered");
        }
        LocalDate day = askedOn == null ? today : askedOn;
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
                    .setVariable(PauseClock.ASKED_ON, Variables.untypedValue(day, true))
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
                "Clarification asked on " + day + "; the question is kept as a triage note");
    }

    /**
     * Why the answer is in effect already given, or null: an erasure authorised (or run, by the desk or by
     * hand) would be closed by the unanswered clarification's "Close: no answer" though the data is gone; a
     * disclosure pack approved is the answer. Read from the request's register events, which those steps record.
     */
    private String answerGiven(Request request) {
        long id = request.id();
        for (String kind : ERASURE_DECIDED) {
            if (register.eventCount(id, kind) > 0) {
                return "The erasure of " + request.reference()
                        + " was authorised: a clarification can only be asked before the decision";
            }
        }
        if (register.eventCount(id, PACK_APPROVED) > 0) {
            return "The disclosure pack of " + request.reference()
                    + " was approved: a clarification can only be asked before the answer is ready";
        }
        return null;
    }
}
