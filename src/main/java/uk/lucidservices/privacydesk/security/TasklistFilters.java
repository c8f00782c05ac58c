package uk.lucidservices.privacydesk.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters per group, created at start-up if missing: the group's tasks by due date,
 * its overdue tasks and those due within seven days, and the privacy officers' tasks of the other
 * rights (rectification, restriction, portability, objection) by due date. Complaint filters are shared with
 * complaint handlers and managers only. Every filter shows three columns beside each task, the
 * task-local variables {@code tasklist.TaskColumns} sets: the request's reference, its kind and
 * the days left to its deadline (no personal data). A filter saved by an earlier version gets the
 * columns at the next start.
 */
@Component
class TasklistFilters {

    /** request.RequestType's RIGHTS_PROCESS; named here, as security may not depend on request. */
    static final String RIGHTS_PROCESS = "rights-request";

    private final FilterService filterService;
    private final TaskService taskService;
    private final GroupAuthorizations authorizations;

    public TasklistFilters(FilterService filterService, TaskService taskService, GroupAuthorizations authorizations) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizations = authorizations;
    }

    public void create() {
        filtersFor(DeskGroups.PRIVACY_OFFICERS, "Access & erasure", -10, DeskGroups.PRIVACY_OFFICERS);
        filtersFor(DeskGroups.COMPLAINT_HANDLERS, "Complaints", 0, DeskGroups.COMPLAINT_HANDLERS);
        filtersFor(DeskGroups.MANAGERS, "Manager", 10, DeskGroups.MANAGERS);
        // Rectification, restriction, portability and objection share one process (issue 14).
        ensure(
                "Other rights: all by due date",
                -5,
                "green",
                taskService
                        .createTaskQuery()
                        .processDefinitionKey(RIGHTS_PROCESS)
                        .taskCandidateGroup(DeskGroups.PRIVACY_OFFICERS)
                        .includeAssignedTasks()
                        .orderByDueDate()
                        .asc(),
                DeskGroups.PRIVACY_OFFICERS);
    }

    private void filtersFor(String candidateGroup, String label, int priority, String sharedWith) {
        ensure(
                label + ": all by due date",
                priority,
                "blue",
                taskService
                        .createTaskQuery()
                        .taskCandidateGroup(candidateGroup)
                        .includeAssignedTasks()
                        .orderByDueDate()
                        .asc(),
                candidateGroup,
                sharedWith);
        ensure(
                label + ": overdue",
                priority + 1,
                "red",
                taskService
                        .createTaskQuery()
                        .taskCandidateGroup(candidateGroup)
                        .includeAssignedTasks()
                        .dueBeforeExpression("${now()}")
                        .orderByDueDate()
                        .asc(),
                candidateGroup,
                sharedWith);
        ensure(
                label + ": due within 7 days",
                priority + 2,
                "orange",
                taskService
                        .createTaskQuery()
                        .taskCandidateGroup(candidateGroup)
                        .includeAssignedTasks()
                        .dueBeforeExpression("${dateTime().plusDays(7)}")
                        .orderByDueDate()
                        .asc(),
                candidateGroup,
                sharedWith);
    }

    /** The columns, by the names of the task variables {@code tasklist.TaskColumns} sets. */
    static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", "reference", "label", "Reference"),
            Map.of("name", "requestType", "label", "Request type"),
            Map.of("name", "daysLeft", "label", "Days left"));

    private void ensure(String name, int priority, String colour, TaskQuery query, String... groups) {
        Map<String, Object> properties = Map.of(
                "priority", priority, "color", colour, "refresh", true, "description", name, "variables", COLUMNS);
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
            filterService.saveFilter(filter);
        } else if (!properties.equals(filter.getProperties())) {
            filterService.saveFilter(filter.setProperties(properties));
        }
        for (String group : groups) {
            authorizations.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
        // Managers see every filter: they answer for every clock.
        authorizations.grant(DeskGroups.MANAGERS, Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
