package uk.lucidservices.privacydesk.rights;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.rights.RightsDecisions.Kind;

/**
 * Puts an officer's decision into the decision letter for the length of the letter step only:
 * the send steps' start listeners call {@code ${rightsLetterTexts.decision(execution, 'RECTIFICATION')}},
 * which reads the latest decision of that kind and sets, as transient local variables,
 * {@code decisionDetail} (the words) and a flag named after the outcome ({@code rectified},
 * {@code refused}, {@code stopped}, ...) for the template's sections. The engine never stores them.
 */
@Component("rightsLetterTexts")
public class RightsLetterTexts {

    private final RequestRegister register;
    private final RightsDecisions decisions;

    public RightsLetterTexts(RequestRegister register, RightsDecisions decisions) {
        this.register = register;
        this.decisions = decisions;
    }

    public void decision(DelegateExecution execution, String kind) {
        long requestId = register.get(execution.getProcessBusinessKey()).id();
        RightsDecisions.Decision decision = decisions
                .latest(requestId, Kind.valueOf(kind))
                .orElseThrow(() -> new IllegalStateException(
                        "No " + kind + " decision is recorded for " + execution.getProcessBusinessKey()));
        if (decision.detail() != null) {
            execution.setVariableLocal("decisionDetail", Variables.stringValue(decision.detail(), true));
        }
        execution.setVariableLocal(
                decision.outcome().toLowerCase(Locale.ROOT), Variables.booleanValue(Boolean.TRUE, true));
    }
}
