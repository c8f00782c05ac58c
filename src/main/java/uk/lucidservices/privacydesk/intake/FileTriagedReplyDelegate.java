package uk.lucidservices.privacydesk.intake;

import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.NeedToKnow;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Files a mail on the request a privacy officer names: its attachments join the request and, if
 * the request's process is waiting for the requester, it receives the reply. A request of another
 * team's kind is answered as one that does not exist (need to know).
 */
@Component("fileTriagedReply")
class FileTriagedReplyDelegate implements JavaDelegate {

    private final IntakeLog log;
    private final RequestRegister register;
    private final ReplyDelivery replies;
    private final NeedToKnow needToKnow;
    private final IdentityService identityService;

    public FileTriagedReplyDelegate(
            IntakeLog log,
            RequestRegister register,
            ReplyDelivery replies,
            NeedToKnow needToKnow,
            IdentityService identityService) {
        this.log = log;
        this.register = register;
        this.replies = replies;
        this.needToKnow = needToKnow;
        this.identityService = identityService;
    }

    /** Whether the signed-in person triaging may know of the request; the desk itself (no one signed in) may. */
    private boolean mayKnow(Request request) {
        return identityService.getCurrentAuthentication() == null || needToKnow.mayKnow(request.type());
    }

    @Override
    public void execute(DelegateExecution execution) {
        IntakeLog.Entry entry = TriageSupport.entry(execution, log);
        String reference = ProcessVariables.text(execution, "replyReference");
        if (reference == null || reference.isBlank()) {
            throw new TriageDecisionException("Give the reference of the request this mail answers");
        }
        String wanted = reference.toUpperCase(Locale.ROOT);
        // Need to know: another team's request answers exactly as one that does not exist.
        Request request = register.find(wanted)
                .filter(this::mayKnow)
                .orElseThrow(() -> new TriageDecisionException("There is no request " + wanted
                        + ": check the reference and try again; if the mail is a complaint, choose A complaint"));
        String officer = Actors.of(execution);
        log.linkAttachments(entry.id(), request.id());
        int stored = (int) log.attachments(entry.id()).stream()
                .filter(a -> a.storedPath() != null)
                .count();
        boolean delivered = replies.deliver(request, entry.id(), stored, entry.arrivedAt(), officer);
        log.resolve(
                entry.id(),
                "FILED_AS_REPLY",
                delivered ? "delivered to the process" : "recorded on the request",
                officer,
                request.type(),
                request.id(),
                request.reference());
        ProcessVariables.set(execution, ProcessVariables.REQUEST_REFERENCE, request.reference());
    }
}
