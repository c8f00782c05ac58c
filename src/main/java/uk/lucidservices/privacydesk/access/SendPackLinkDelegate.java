package uk.lucidservices.privacydesk.access;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.mail.LetterService;
import uk.lucidservices.privacydesk.mail.Recipient;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Issues the download link and emails it (letter {@code pack-ready}) to a verified email address
 * that is on record for the matched customer account or proven by a one-time code
 * ({@link VerifiedIdentifiers#email}), in one step, so the token never passes through a process
 * variable or the database in clear: it is a value of this one letter only. Throws BPMN error
 * {@code NO_VERIFIED_EMAIL} when there is no such address, so the model delivers by post to the
 * address on record instead (a posted link letter could not be printed: the token is not kept).
 */
@Component("sendPackLink")
class SendPackLinkDelegate implements JavaDelegate {

    public static final String NO_VERIFIED_EMAIL = "NO_VERIFIED_EMAIL";

    private final PackDelivery delivery;
    private final VerifiedIdentifiers identifiers;
    private final LetterService letters;

    public SendPackLinkDelegate(PackDelivery delivery, VerifiedIdentifiers identifiers, LetterService letters) {
        this.delivery = delivery;
        this.identifiers = identifiers;
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        send(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    public void send(String reference) {
        send(reference, null);
    }

    private void send(String reference, String processInstanceId) {
        String to = identifiers
                .email(reference)
                .orElseThrow(
                        () -> new BpmnError(
                                NO_VERIFIED_EMAIL,
                                "Request " + reference
                                        + " has no verified email address on record for the matched account or proven by a code"));
        PackDelivery.IssuedLink link = delivery.issueLink(reference);
        letters.send(
                Recipient.requesterAt(Optional.of(to)),
                reference,
                "pack-ready",
                Map.of("downloadLink", link.url(), "linkExpires", link.expiresAt()),
                processInstanceId);
    }
}
