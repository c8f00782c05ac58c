package uk.lucidservices.privacydesk.intake;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/** Records on the intake log that a privacy officer discarded a mail, who did, and why. */
@Component("discardTriagedMail")
class DiscardTriagedMailDelegate implements JavaDelegate {

    static final Set<String> REASONS =
            Set.of("NOT_A_REQUEST", "SPAM", "DUPLICATE", "HANDLED_ELSEWHERE", "AUTOMATIC", "UNREADABLE");

    private final IntakeLog log;

    public DiscardTriagedMailDelegate(IntakeLog log) {
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IntakeLog.Entry entry = TriageSupport.entry(execution, log);
        String reason = ProcessVariables.text(execution, "discardReason");
        if (reason == null || !REASONS.contains(reason)) {
            throw new TriageDecisionException("Choose why the mail is discarded");
        }
        log.resolve(entry.id(), "DISCARDED", reason, Actors.of(execution), null, null, null);
    }
}
