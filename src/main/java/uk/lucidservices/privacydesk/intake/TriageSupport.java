package uk.lucidservices.privacydesk.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the triage steps share: the intake entry they are about. */
final class TriageSupport {

    private TriageSupport() {}

    /**
     * The mail this triage is about, read from the business key ({@code MAIL-<id>}) the desk set at
     * the start: whoever completes the task can set variables, so an {@code intakeId} sent with the
     * form must not point the decision at another team's mail.
     */
    static IntakeLog.Entry entry(DelegateExecution execution, IntakeLog log) {
        String key = execution.getProcessBusinessKey();
        if (key == null || !key.matches("MAIL-\\d{1,18}")) {
            throw new IllegalStateException("Triage " + execution.getProcessInstanceId() + " has no mail business key");
        }
        long id = Long.parseLong(key.substring("MAIL-".length()));
        return log.find(id).orElseThrow(() -> new IllegalStateException("No intake entry #" + id));
    }
}
