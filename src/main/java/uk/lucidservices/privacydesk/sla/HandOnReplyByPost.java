package uk.lucidservices.privacydesk.sla;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * After staff recorded a reply that came by post, by phone or in person: hands it to the request's
 * process as the message {@code requester-reply} (as a mailed reply is), with
 * {@link RequestClockService#REPLY_RECEIVED_ON}, so the ID check or the restarted clock counts from
 * the day the reply arrived. A request no step of which waits any more keeps the reply on record only.
 */
@Component("handOnReplyByPost")
class HandOnReplyByPost implements JavaDelegate {

    static final String MESSAGE = "requester-reply";

    private final RuntimeService runtimeService;
    private final RequestRegister register;

    public HandOnReplyByPost(RuntimeService runtimeService, RequestRegister register) {
        this.runtimeService = runtimeService;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Request request = register.get(ProcessVariables.reference(execution));
        String received = ProcessVariables.text(execution, RequestClockService.REPLY_RECEIVED_ON);
        boolean delivered = !runtimeService
                .createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(request.reference())
                .setVariable("replyKind", ProcessVariables.text(execution, "replyHow"))
                .setVariable("replyAttachmentCount", 0)
                .setVariable(RequestClockService.REPLY_RECEIVED_ON, received)
                .correlateAllWithResult()
                .isEmpty();
        if (!delivered) {
            register.record(
                    request.id(),
                    "REPLY_NOT_AWAITED",
                    null,
                    "received=" + received + "; no step of the request was waiting for a reply");
        }
    }
}
