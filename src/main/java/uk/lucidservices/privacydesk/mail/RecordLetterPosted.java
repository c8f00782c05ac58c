package uk.lucidservices.privacydesk.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Completion listener of {@code Task_PostLetter}: the letter was posted. Its row in the sent letters
 * says when and by whom, the request records it, and {@link LetterPosted} tells whoever counts from
 * the day a letter was given (an extension notice counts as given when posted).
 */
@Component("recordLetterPosted")
class RecordLetterPosted implements TaskListener {

    private final SentLetters sentLetters;
    private final RequestRegister register;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public RecordLetterPosted(
            SentLetters sentLetters, RequestRegister register, ApplicationEventPublisher events, Clock clock) {
        this.sentLetters = sentLetters;
        this.register = register;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String reference = ProcessVariables.requiredText(task, ProcessVariables.REQUEST_REFERENCE);
        String template = ProcessVariables.requiredText(task, "letterTemplate");
        Object id = task.getVariable("sentLetterId");
        String by = Actors.of(task);
        Request request = register.get(reference);
        if (id instanceof Number letterId
                && sentLetters.markPosted(letterId.longValue(), by, OffsetDateTime.now(clock))) {
            register.record(request.id(), "LETTER_POSTED", by, "template=" + template + "; to=requester by post");
            events.publishEvent(new LetterPosted(reference, template));
        }
    }
}
