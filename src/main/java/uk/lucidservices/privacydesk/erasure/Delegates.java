package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import uk.lucidservices.privacydesk.engine.FormAnswers;

/**
 * What every erasure delegate needs from the engine: the request reference (the business key),
 * who completed a task, and variables as text or yes/no. Kept in one place so the rest of the
 * feature does not depend on Camunda.
 */
final class Delegates {

    private Delegates() {
    }

    static String reference(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("The erasure process has no business key: start it with the request reference");
        }
        return key;
    }

    static String reference(DelegateTask task) {
        return reference(task.getExecution());
    }

    /** The signed-in user completing the task (Tasklist, REST), or else its assignee. */
    static String user(DelegateTask task) {
        String user = authenticatedUser(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
        if (user == null) {
            user = task.getAssignee();
        }
        if (user == null || user.isBlank()) {
            throw new IllegalStateException("Cannot tell who completed the task '" + task.getName() + "': claim it first");
        }
        return user;
    }

    static String authenticatedUser(DelegateExecution execution) {
        return authenticatedUser(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
    }

    private static String authenticatedUser(Authentication auth) {
        return auth == null || auth.getUserId() == null || auth.getUserId().isBlank() ? null : auth.getUserId();
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    /** A yes/no form field; forms may submit it as a boolean or as text. */
    static Boolean yesNo(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value != null && ("true".equalsIgnoreCase(value.toString().trim()) || "false".equalsIgnoreCase(value.toString().trim()))) {
            return Boolean.parseBoolean(value.toString().trim());
        }
        return null;
    }

    /** Removes a form field's variable, blanked first (see {@link FormAnswers}), once the desk's tables hold it. */
    static void forget(VariableScope scope, String name) {
        FormAnswers.forget(scope, name);
    }
}
