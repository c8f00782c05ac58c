package uk.lucidservices.privacydesk.sla;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Reminds whoever holds the request's open tasks that its internal target is near: the assignee,
 * or, for a task nobody has claimed yet, its candidate users and the members of its candidate groups.
 */
@Component("remindAssignees")
class RemindAssignees implements JavaDelegate {

    private final RequestRegister register;
    private final RequestClocks clocks;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final StaffNotices notices;

    public RemindAssignees(
            RequestRegister register,
            RequestClocks clocks,
            TaskService taskService,
            IdentityService identityService,
            StaffNotices notices) {
        this.register = register;
        this.clocks = clocks;
        this.taskService = taskService;
        this.identityService = identityService;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Request request = register.get(ProcessVariables.reference(execution));
        if (request.closedAt() != null) {
            return;
        }
        List<Task> tasks = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(request.reference())
                .active()
                .list();
        Set<String> staff = new LinkedHashSet<>();
        for (Task task : tasks) {
            staff.addAll(holders(task));
        }
        int sent = notices.send(staff, StaffNotices.Kind.REMINDER, SlaClock.REMINDER, request, clocks.current(request));
        register.record(
                request.id(),
                "SLA_REMINDER",
                null,
                "Reminder sent to " + sent + " staff about " + tasks.size() + " open task(s)");
    }

    private Set<String> holders(Task task) {
        Set<String> users = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            users.add(task.getAssignee());
            return users;
        }
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                users.add(link.getUserId());
            } else if (link.getGroupId() != null) {
                identityService.createUserQuery().memberOfGroup(link.getGroupId()).list().stream()
                        .map(User::getId)
                        .forEach(users::add);
            }
        }
        return users;
    }
}
