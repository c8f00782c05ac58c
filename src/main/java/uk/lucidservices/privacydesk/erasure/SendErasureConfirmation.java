package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task: emails the confirmation letter, or records it for posting when the request has no
 * email address. Sets {@code confirmationSentBy} (EMAIL or TO_POST). Mark it asyncBefore, so a mail
 * server failure retries this step alone.
 */
@Component("sendErasureConfirmation")
class SendErasureConfirmation implements JavaDelegate {

    private final ErasureConfirmationLetter letter;

    public SendErasureConfirmation(ErasureConfirmationLetter letter) {
        this.letter = letter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("confirmationSentBy", letter.send(Delegates.reference(execution)).name());
    }
}
