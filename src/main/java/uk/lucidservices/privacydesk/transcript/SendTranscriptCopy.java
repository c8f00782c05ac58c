package uk.lucidservices.privacydesk.transcript;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.mail.LetterService;

/**
 * Service task: the transcript goes, as the letter {@code transcript-copy}, to the request's email,
 * which the previous step proved is the chat's own. The transcript's text is handed to the letter
 * directly and never becomes a process variable; the letter is recorded like every other.
 */
@Component("sendTranscriptCopy")
class SendTranscriptCopy implements JavaDelegate {

    private final TranscriptCopies copies;
    private final LetterService letters;

    SendTranscriptCopy(TranscriptCopies copies, LetterService letters) {
        this.copies = copies;
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        letters.send(
                reference,
                "transcript-copy",
                Map.of("transcript", copies.transcriptText(reference)),
                execution.getProcessInstanceId());
        copies.sent(reference);
    }
}
