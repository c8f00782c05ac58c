package uk.lucidservices.privacydesk.access;

import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.security.DeskGroups;
import uk.lucidservices.privacydesk.security.StaffIds;

/**
 * Completion listener of {@code Task_ApproveRefusal} (form {@code sar-approve-refusal}, managers).
 * Reads {@code refusalDecision} = SIGN_OFF | BACK_TO_TRIAGE and records it on the request; the
 * gateway reads {@code refusalSignedOff} (transient). Refusing withholds a person's data, so the
 * completion is refused unless the user is a manager and is not the officer who proposed the
 * refusal in triage.
 */
@Component("recordRefusalSignOff")
class RecordRefusalSignOffListener implements TaskListener {

    public static final String DECISION = "refusalDecision";
    public static final String SIGNED_OFF = "refusalSignedOff";

    public enum RefusalDecision {
        SIGN_OFF,
        BACK_TO_TRIAGE
    }

    private final RequestRegister register;
    private final TriageNotes notes;
    private final IdentityService identityService;

    public RecordRefusalSignOffListener(RequestRegister register, TriageNotes notes, IdentityService identityService) {
        this.register = register;
        this.notes = notes;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        RefusalDecision decision = parse(ProcessVariables.text(task, DECISION));
        String userId = Actors.of(task);
        Request request = register.get(execution.getProcessBusinessKey());
        if (identityService
                        .createUserQuery()
                        .userId(userId)
                        .memberOfGroup(DeskGroups.MANAGERS)
                        .count()
                == 0) {
            throw new IllegalStateException(
                    "Only a member of " + DeskGroups.MANAGERS + " can sign off the refusal of " + request.reference());
        }
        if (StaffIds.same(
                userId,
                notes.latestWriter(request.id(), TriageNotes.Kind.REFUSAL_REASON)
                        .orElse(null))) {
            throw new IllegalStateException(
                    "You proposed refusing " + request.reference() + ": another manager must sign the refusal off");
        }
        boolean signedOff = decision == RefusalDecision.SIGN_OFF;
        register.record(
                request.id(), signedOff ? "REFUSAL_SIGNED_OFF" : "REFUSAL_SENT_BACK", userId, "decision=" + decision);
        ProcessVariables.forget(execution, DECISION);
        ProcessVariables.handOn(execution, SIGNED_OFF, signedOff);
    }

    static RefusalDecision parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Choose SIGN_OFF or BACK_TO_TRIAGE");
        }
        try {
            return RefusalDecision.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown decision '" + text.trim() + "': use SIGN_OFF or BACK_TO_TRIAGE");
        }
    }
}
