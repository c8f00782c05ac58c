package uk.lucidservices.privacydesk.transcript;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task: is the requester's email the one recorded in the chat session? Sets {@code addressMatchesChat}. */
@Component("checkChatAddress")
class CheckChatAddress implements JavaDelegate {

    private final TranscriptCopies copies;

    CheckChatAddress(TranscriptCopies copies) {
        this.copies = copies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("addressMatchesChat", copies.addressMatchesChat(execution.getProcessBusinessKey()));
    }
}
