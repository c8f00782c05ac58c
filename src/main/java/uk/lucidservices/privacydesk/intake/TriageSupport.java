package uk.lucidservices.privacydesk.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What the triage steps share: the intake entry they are about and the officer who decided. */
final class TriageSupport {

    private TriageSupport() {
    }

    static IntakeLog.Entry entry(DelegateExecution execution, IntakeLog log) {
        Object id = execution.getVariable("intakeId");
        if (!(id instanceof Number n)) {
            throw new IllegalStateException("Triage " + execution.getProcessInstanceId() + " has no intakeId");
        }
        return log.find(n.longValue()).orElseThrow(() -> new IllegalStateException("No intake entry #" + id));
    }

    static String officer(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null || auth.getUserId() == null ? "unknown" : auth.getUserId();
    }

    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString().trim();
    }
}
