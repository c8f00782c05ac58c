package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A form answer that only the next steps of the same transaction need (the route a gateway takes,
 * a date a clock delegate reads) is handed on as a transient variable: those steps see it, the
 * database and the history never keep it, and the next round of the same form opens empty
 * instead of pre-filled with the old answer. The engine will not turn a stored variable into a
 * transient one in the same transaction, so the transient one always has its own name.
 */
final class StepValues {

    private StepValues() {
    }

    static void handOn(DelegateExecution execution, String name, Object value) {
        if (value != null) {
            execution.setVariable(name, Variables.untypedValue(value, true));
        }
    }
}
