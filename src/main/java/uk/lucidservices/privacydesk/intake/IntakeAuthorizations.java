package uk.lucidservices.privacydesk.intake;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.security.DeskGroups;
import uk.lucidservices.privacydesk.security.GroupAuthorizations;

/** Privacy officers triage mail: they see and work the mail-triage process's tasks and forms. */
@Component
public class IntakeAuthorizations {

    private final GroupAuthorizations authorizations;

    public IntakeAuthorizations(GroupAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    public void grant() {
        authorizations.grant(DeskGroups.PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, TriageStarter.PROCESS_KEY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.TASK_WORK);
    }
}
