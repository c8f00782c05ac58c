package uk.lucidservices.privacydesk.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import java.util.Map;

import static uk.lucidservices.privacydesk.security.DeskGroups.COMPLAINT_HANDLERS;
import static uk.lucidservices.privacydesk.security.DeskGroups.MANAGERS;
import static uk.lucidservices.privacydesk.security.DeskGroups.PRIVACY_OFFICERS;

/**
 * Creates the desk's groups and what each may see, on every start and idempotently, so a
 * fresh PostgreSQL and an old one end up with the same rights.
 * Need to know: complaints are visible to complaint handlers and managers only; access and
 * erasure requests to privacy officers and managers. Tasks are visible to their candidate
 * group through the engine's own task authorizations.
 */
@Component
public class GroupAuthorizations {

    private static final Map<String, String> GROUP_NAMES = Map.of(
            PRIVACY_OFFICERS, "Privacy officers",
            COMPLAINT_HANDLERS, "Complaint handlers",
            MANAGERS, "Managers");

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    public GroupAuthorizations(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    public void apply() {
        GROUP_NAMES.forEach(this::ensureGroup);

        for (String group : DeskGroups.WORKING_GROUPS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            grant(group, Resources.USER, "*", Permissions.READ);
            grant(group, Resources.GROUP, "*", Permissions.READ);
        }
        for (String process : new String[]{"subject-access-request", "erasure-request"}) {
            grant(PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY);
        }
        grant(COMPLAINT_HANDLERS, Resources.PROCESS_DEFINITION, "complaint", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY);

        // Managers watch every request in Cockpit and can act on every task.
        grant(MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(MANAGERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.UPDATE_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK);
        grant(MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ, Permissions.UPDATE);
        grant(MANAGERS, Resources.TASK, "*", Permissions.READ, Permissions.UPDATE);
        grant(MANAGERS, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(MANAGERS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        grant(MANAGERS, Resources.HISTORIC_TASK, "*", org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ);
        grant(MANAGERS, Resources.HISTORIC_PROCESS_INSTANCE, "*", org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ);
    }

    /** Takes permissions back from a group where an earlier version of the desk granted them. */
    public void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (existing == null) {
            return;
        }
        boolean changed = false;
        for (Permission permission : permissions) {
            if (existing.isPermissionGranted(permission)) {
                existing.removePermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(existing);
        }
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    /** Grants permissions to a group, adding to an existing grant rather than duplicating it. */
    public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization auth = existing != null ? existing
                : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            auth.setGroupId(group);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!auth.isPermissionGranted(permission)) {
                auth.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(auth);
        }
    }
}
