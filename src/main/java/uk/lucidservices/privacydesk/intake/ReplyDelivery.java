package uk.lucidservices.privacydesk.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.ClockConfiguration;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.sla.RequestClockService;

/**
 * Hands a requester's reply to the request's process as the message {@code requester-reply}
 * (correlated by business key = reference), with {@code replyKind}, {@code replyAttachmentCount},
 * {@code replyIntakeId} and {@code replyReceivedOn}, the UK day the mail arrived: a reply filed
 * from triage days later still starts or restarts the clock on the day it reached the desk.
 * Attachments themselves stay in the file store. Every reply is
 * recorded on the request, whether a process was waiting for it or not.
 */
@Component
class ReplyDelivery {

    public static final String MESSAGE = "requester-reply";

    private static final ZoneId UK = ClockConfiguration.UK;

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final RequestRegister register;

    public ReplyDelivery(RuntimeService runtimeService, IdentityService identityService, RequestRegister register) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.register = register;
    }

    /** Returns whether a process was waiting for the reply and got it. */
    boolean deliver(Request request, long intakeId, int attachmentCount, OffsetDateTime arrivedAt, String actor) {
        LocalDate receivedOn =
                arrivedAt == null ? null : arrivedAt.atZoneSameInstant(UK).toLocalDate();
        boolean correlated = false;
        if (request.processInstanceId() != null) {
            // Correlated as the desk itself: the officer filing a reply in triage needs no rights on the request's
            // process.
            Authentication caller = identityService.getCurrentAuthentication();
            identityService.clearAuthentication();
            try {
                correlated = !runtimeService
                        .createMessageCorrelation(MESSAGE)
                        .processInstanceBusinessKey(request.reference())
                        .setVariable("replyKind", "reply")
                        .setVariable("replyAttachmentCount", attachmentCount)
                        .setVariable("replyIntakeId", intakeId)
                        .setVariable(
                                RequestClockService.REPLY_RECEIVED_ON,
                                receivedOn == null ? null : receivedOn.toString())
                        .correlateAllWithResult()
                        .isEmpty();
            } finally {
                if (caller != null) {
                    identityService.setAuthentication(caller);
                }
            }
        }
        register.record(
                request.id(),
                "REPLY_RECEIVED",
                actor,
                "intake=" + intakeId + "; attachments=" + attachmentCount + "; received=" + receivedOn + "; "
                        + (correlated ? "delivered to the process" : "no step was waiting for a reply"));
        return correlated;
    }
}
