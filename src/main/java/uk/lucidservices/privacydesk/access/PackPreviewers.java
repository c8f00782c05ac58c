package uk.lucidservices.privacydesk.access;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.security.StaffIds;

/**
 * Who may open a disclosure pack before it is approved: only the second officer of the open
 * approval task (its assignee, or while nobody holds it, a member of its candidate group), and
 * never the officer who prepared the pack or decided its redactions. Once approved, the staff who
 * deliver it may open it. Without this, one officer could prepare a pack and download it before
 * anyone else had looked.
 */
@Component
class PackPreviewers {

    static final String APPROVAL_TASK = "Task_ApprovePack";

    private final TaskService taskService;
    private final IdentityService identityService;
    private final RedactionReview review;

    PackPreviewers(TaskService taskService, IdentityService identityService, RedactionReview review) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.review = review;
    }

    boolean mayOpen(DisclosurePack pack, String userId, List<String> groups) {
        if (pack.approvedBy() != null) {
            return true;
        }
        if (StaffIds.same(userId, pack.preparedBy()) || StaffIds.anySame(review.deciders(pack.reference()), userId)) {
            return false;
        }
        return Actors.asDesk(identityService, () -> taskService
                .createTaskQuery()
                .processInstanceBusinessKey(pack.reference())
                .taskDefinitionKey(APPROVAL_TASK)
                .active()
                .list()
                .stream()
                .anyMatch(task -> approverOf(task, userId)));
    }

    /**
     * The approver is whoever holds the approval task: an officer claims it, then reads the pack.
     * Any candidate of an unclaimed task would be every officer but the preparer, the one who
     * logged the request included.
     */
    private static boolean approverOf(Task task, String userId) {
        return task.getAssignee() != null && StaffIds.same(task.getAssignee(), userId);
    }
}
