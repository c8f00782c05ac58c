package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Start listener of the refusal letter step: gives the letter the manager's reason for refusing
 * ({@code refusalReason}) from the erasure record, as a transient variable. A transient variable
 * lives only in the step's transaction, so the free-text reason reaches the letter but never the
 * engine's tables or its history.
 */
@Component("erasureRefusalReason")
class ErasureRefusalReason implements ExecutionListener {

    public static final String VARIABLE = "refusalReason";

    private final ErasureCases cases;

    public ErasureRefusalReason(ErasureCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ErasureCase erasure = cases.get(ProcessVariables.reference(execution));
        if (!erasure.refused()) {
            throw new IllegalStateException(
                    "Erasure of " + erasure.reference() + " was not refused: no refusal letter");
        }
        if (erasure.decisionReason() != null) {
            execution.setVariableLocal(VARIABLE, Variables.stringValue(erasure.decisionReason(), true));
        }
    }
}
