package uk.lucidservices.privacydesk.sla;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.ClockConfiguration;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Completion listener of {@code Task_RecordReplyByPost} (form {@code record-reply}): a reply came by
 * post, by phone or in person. Checks {@code replyReceivedOn} (a day, neither before the request
 * arrived nor in the future), {@code replyHow} and {@code replyKind}, and records the reply on the
 * request; anything wrong stops the task from completing, with why.
 */
@Component("recordReplyByPost")
class RecordReplyByPost implements TaskListener {

    static final Set<String> HOW = Set.of("POST", "PHONE", "IN_PERSON");
    static final Set<String> KINDS = Set.of("ID", "CLARIFICATION", "FEE");

    private final RequestRegister register;
    private final RequestClocks clocks;

    public RecordReplyByPost(RequestRegister register, RequestClocks clocks) {
        this.register = register;
        this.clocks = clocks;
    }

    @Override
    public void notify(DelegateTask task) {
        Request request = register.get(ProcessVariables.reference(task.getExecution()));
        LocalDate received = ProcessVariables.date(task, RequestClockService.REPLY_RECEIVED_ON, ClockConfiguration.UK);
        if (received == null) {
            throw new IllegalArgumentException("Give the day the reply reached the desk");
        }
        if (received.isAfter(clocks.today())) {
            throw new IllegalArgumentException(
                    "The day the reply reached the desk (" + received + ") is in the future");
        }
        if (received.isBefore(clocks.receivedDate(request))) {
            throw new IllegalArgumentException("The day the reply reached the desk (" + received
                    + ") is before the request itself arrived (" + clocks.receivedDate(request) + ")");
        }
        String how = choice(task, "replyHow", HOW, "how the reply came: POST, PHONE or IN_PERSON");
        String kind = choice(task, "replyKind", KINDS, "what the reply is: ID, CLARIFICATION or FEE");
        register.record(
                request.id(),
                "REPLY_RECEIVED",
                Actors.of(task),
                "kind=" + kind + "; by=" + how + "; received=" + received + "; recorded by staff");
        ProcessVariables.set(task.getExecution(), RequestClockService.REPLY_RECEIVED_ON, received.toString());
    }

    private static String choice(DelegateTask task, String name, Set<String> allowed, String what) {
        String value = ProcessVariables.text(task, name);
        String upper = value == null ? null : value.trim().toUpperCase(Locale.ROOT);
        if (upper == null || !allowed.contains(upper)) {
            throw new IllegalArgumentException("Choose " + what);
        }
        return upper;
    }
}
