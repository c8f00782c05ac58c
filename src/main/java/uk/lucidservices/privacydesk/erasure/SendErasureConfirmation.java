package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Service task: emails the confirmation letter, or hands it to staff to post when the request has
 * no confirmed email address. Sets {@code confirmationSentBy} (EMAIL or TO_POST). Mark it asyncBefore, so a mail
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
        ProcessVariables.set(
                execution,
                "confirmationSentBy",
                letter.send(ProcessVariables.reference(execution), execution.getProcessInstanceId())
                        .name());
    }
}
