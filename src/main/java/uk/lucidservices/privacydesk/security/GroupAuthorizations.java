package uk.lucidservices.privacydesk.security;

import static uk.lucidservices.privacydesk.security.DeskGroups.COMPLAINT_HANDLERS;
import static uk.lucidservices.privacydesk.security.DeskGroups.MANAGERS;
import static uk.lucidservices.privacydesk.security.DeskGroups.PHONE_SYSTEM;
import static uk.lucidservices.privacydesk.security.DeskGroups.PRIVACY_OFFICERS;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

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
            MANAGERS, "Managers",
            PHONE_SYSTEM, "Phone system (do-not-record feed)");

    /** Every process the desk ships, for revoking grants older versions gave on each. */
    private static final List<String> DESK_PROCESSES = List.of(
            "subject-access-request",
            "erasure-request",
            "complaint",
            "desk-letter",
            "mail-triage",
            "request-sla-clocks",
            "marketing-objection",
            "do-not-record",
            "transcript-copy",
            "relationship-end-notices");

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final String breakGlassGroup;

    public GroupAuthorizations(
            IdentityService identityService, AuthorizationService authorizationService, SecurityProperties properties) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.breakGlassGroup = properties.breakGlassGroup().trim();
    }

    public void apply() {
        GROUP_NAMES.forEach(this::ensureGroup);

        for (String group : DeskGroups.WORKING_GROUPS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.USER, "*", Permissions.READ);
            grant(group, Resources.GROUP, "*", Permissions.READ);
            // Only the desk starts processes (see request.ProcessStartGuard): no group may start one
            // through the engine's API. Revoked, not just left out, for databases from older versions.
            revoke(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE, Permissions.UPDATE);
            revoke(
                    group,
                    Resources.PROCESS_DEFINITION,
                    "*",
                    ProcessDefinitionPermissions.CREATE_INSTANCE,
                    ProcessDefinitionPermissions.UPDATE_INSTANCE);
            for (String process : DESK_PROCESSES) {
                revoke(
                        group,
                        Resources.PROCESS_DEFINITION,
                        process,
                        ProcessDefinitionPermissions.CREATE_INSTANCE,
                        ProcessDefinitionPermissions.UPDATE_INSTANCE);
            }
        }
        for (String process : new String[] {
            "subject-access-request",
            "erasure-request",
            "marketing-objection",
            "do-not-record",
            "transcript-copy",
            "relationship-end-notices"
        }) {
            grant(
                    PRIVACY_OFFICERS,
                    Resources.PROCESS_DEFINITION,
                    process,
                    ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY);
        }
        grant(
                COMPLAINT_HANDLERS,
                Resources.PROCESS_DEFINITION,
                "complaint",
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY);

        // Managers watch every request in Cockpit and can act on every task, but change no running case.
        grant(MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(
                MANAGERS,
                Resources.PROCESS_DEFINITION,
                "*",
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.UPDATE_TASK);
        grant(MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(MANAGERS, Resources.TASK, "*", Permissions.READ, Permissions.UPDATE);
        grant(MANAGERS, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(MANAGERS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        grant(MANAGERS, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        grant(MANAGERS, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);

        if (!breakGlassGroup.isBlank()) {
            applyBreakGlass();
        }
    }

    /**
     * Modifying a running case (process-instance modification, its variables) skips the process's own
     * checks, so it is for a separate group that is empty by default and filled only for an emergency.
     */
    private void applyBreakGlass() {
        ensureGroup(breakGlassGroup, "Break glass: modify running cases");
        grant(breakGlassGroup, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(
                breakGlassGroup,
                Resources.PROCESS_DEFINITION,
                "*",
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.UPDATE_INSTANCE);
        grant(breakGlassGroup, Resources.PROCESS_INSTANCE, "*", Permissions.READ, Permissions.UPDATE);
    }

    /** Takes permissions back from a group where an earlier version of the desk granted them. */
    public void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
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
        Authorization existing = authorizationService
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        Authorization auth = existing != null
                ? existing
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
