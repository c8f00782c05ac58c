package uk.lucidservices.privacydesk.transcript;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.RequestRegister;

/** Service task: closes the transcript copy request with the outcome its path names ({@code transcriptOutcome}). */
@Component("closeTranscriptCopy")
class CloseTranscriptCopy implements JavaDelegate {

    private final RequestRegister register;

    CloseTranscriptCopy(RequestRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        register.close(execution.getProcessBusinessKey(), String.valueOf(execution.getVariable("transcriptOutcome")));
    }
}
