package uk.lucidservices.privacydesk.engine;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The one way a form answer leaves the engine once the desk has stored it in its own tables.
 * Camunda Forms submit every field as a process variable, and removing a variable is not enough:
 * history (level audit) keeps its last value with state DELETED, readable through
 * {@code /engine-rest/history/variable-instance?includeDeleted=true}. So the value is blanked
 * first, in the same transaction, and only the name reaches history. Values that only the next
 * steps of the transaction need are better passed on as transient variables.
 */
public final class FormAnswers {

    private FormAnswers() {
    }

    /** Blanks, then removes, each named variable that is set, wherever in the scope hierarchy it lives. */
    public static void forget(VariableScope scope, String... names) {
        for (String name : names) {
            if (scope.hasVariable(name)) {
                TypedValue value = scope.getVariableTyped(name, false);
                // A transient value never reaches history, and the engine refuses to make it a stored one.
                if (value != null && !value.isTransient()) {
                    scope.setVariable(name, null);
                }
                scope.removeVariable(name);
            }
        }
    }
}
