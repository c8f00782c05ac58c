package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.VariableScope;
import uk.lucidservices.privacydesk.engine.FormAnswers;

/**
 * Form answers arrive as process variables; once they are stored in the desk's own tables they
 * are taken out again through {@link FormAnswers}, so that the engine's history keeps the
 * variable's name but not what was typed.
 */
final class FormVariables {

    private FormVariables() {
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static Long number(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }

    static void scrub(VariableScope scope, String name) {
        FormAnswers.forget(scope, name);
    }
}
