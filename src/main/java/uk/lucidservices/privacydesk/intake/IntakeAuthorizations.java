package uk.lucidservices.privacydesk.intake;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.security.DeskGroups;
import uk.lucidservices.privacydesk.security.GroupAuthorizations;

/**
 * Privacy officers triage mail, and complaint handlers triage complainants' replies. Each sees the
 * mail-triage process but only the triage tasks of their own queue: a task is visible to its
 * candidate group through the engine's task authorizations, never to everyone through the process
 * definition (as an earlier version granted, and this takes back), because a complainant's reply
 * is for complaint handlers only.
 */
@Component
class IntakeAuthorizations {

    private final GroupAuthorizations authorizations;

    public IntakeAuthorizations(GroupAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    public void grant() {
        for (String group : new String[] {DeskGroups.PRIVACY_OFFICERS, DeskGroups.COMPLAINT_HANDLERS}) {
            authorizations.grant(
                    group, Resources.PROCESS_DEFINITION, TriageStarter.PROCESS_KEY, ProcessDefinitionPermissions.READ);
            authorizations.revoke(
                    group,
                    Resources.PROCESS_DEFINITION,
                    TriageStarter.PROCESS_KEY,
                    ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.TASK_WORK);
        }
    }
}
