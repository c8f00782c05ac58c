package uk.lucidservices.privacydesk.tasklist;

import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Tells tasks apart in Tasklist's list: every new task of a request is named with its reference
 * and kind ("Triage the request · SAR-2026-000042 · subject access"), a mail's triage task with
 * its intake entry ("Triage the mail · MAIL-17"). Days left are the due date, which every request's
 * task carries ({@code sla.TaskDueDates}) and Tasklist shows beside the name. The business key is
 * the reference, so no process variable is read and no personal data reaches the name.
 */
@Component
class TaskNames {

    private static final String SEPARATOR = " · ";
    private static final Map<RequestType, String> KINDS = Map.of(
            RequestType.SUBJECT_ACCESS, "subject access",
            RequestType.ERASURE, "erasure",
            RequestType.COMPLAINT, "complaint",
            RequestType.RECTIFICATION, "rectification",
            RequestType.RESTRICTION, "restriction",
            RequestType.PORTABILITY, "portability",
            RequestType.PROCESSING_OBJECTION, "objection to processing");

    @EventListener
    public void onTaskEvent(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
                || task.getExecution() == null
                || task.getName() == null) {
            return;
        }
        String key = task.getExecution().getProcessBusinessKey();
        if (key == null || key.isBlank() || task.getName().contains(key)) {
            return;
        }
        String kind = kind(key);
        task.setName(task.getName() + SEPARATOR + key + (kind == null ? "" : SEPARATOR + kind));
    }

    /** The kind of request a reference names, in words ("subject access"); null for a key that is no request's. */
    static String kind(String businessKey) {
        try {
            RequestType type = RequestType.fromReference(businessKey);
            return KINDS.getOrDefault(type, type.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        } catch (IllegalArgumentException notARequest) {
            return null;
        }
    }
}
