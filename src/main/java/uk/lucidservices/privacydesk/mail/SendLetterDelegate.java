package uk.lucidservices.privacydesk.mail;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Sends one letter to the requester at the register's address (by post without one), as a process step:
 * {@code <serviceTask camunda:asyncBefore="true" camunda:delegateExpression="${sendLetter}">} with an
 * input parameter {@code letter} naming the template. The reference is the business key; the
 * letter may use every process variable. Make the step asynchronous with a retry cycle
 * (e.g. {@code camunda:failedJobRetryTimeCycle="R5/PT5M"}) so an SMTP outage becomes retries and
 * then an incident, never a lost letter.
 */
@Component("sendLetter")
class SendLetterDelegate implements JavaDelegate {

    private final LetterService letters;

    public SendLetterDelegate(LetterService letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String name = ProcessVariables.text(execution, ProcessVariables.LETTER);
        if (name == null) {
            throw new IllegalStateException("Step " + execution.getCurrentActivityId()
                    + " needs an input parameter 'letter' naming the letter template");
        }
        String reference = execution.getProcessBusinessKey();
        if (reference == null) {
            throw new IllegalStateException("Process " + execution.getProcessInstanceId()
                    + " has no business key: letters find their request by reference");
        }
        letters.send(
                Recipient.requester(), reference, name, execution.getVariables(), execution.getProcessInstanceId());
    }
}
