package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A form answer that only the next steps of the same transaction need (a decision the gateway
 * reads, a date the clock delegate reads) becomes a transient variable: the steps see it, the
 * database and the history never keep it, and the next round of the same form does not open
 * pre-filled with an old answer.
 */
final class StepValues {

    private StepValues() {
    }

    /** Replaces the variable with a transient one holding {@code value} (nothing when null). */
    static void keepForThisStep(DelegateExecution execution, String name, Object value) {
        FormVariables.scrub(execution, name);
        if (value != null) {
            execution.setVariable(name, Variables.untypedValue(value, true));
        }
    }
}
