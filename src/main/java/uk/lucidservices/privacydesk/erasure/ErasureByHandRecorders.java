package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.security.StaffIds;

/**
 * Who may record an item erased by hand: only the officer who holds (has claimed) the request's
 * open {@value #TASK} task, the one who did the work. Any candidate of an unclaimed task would be
 * every officer, so an unclaimed task lets nobody record.
 */
@Component
class ErasureByHandRecorders {

    static final String TASK = "Task_EraseByHand";

    private final TaskService taskService;
    private final IdentityService identityService;

    ErasureByHandRecorders(TaskService taskService, IdentityService identityService) {
        this.taskService = taskService;
        this.identityService = identityService;
    }

    boolean mayRecord(String reference, String userId) {
        return userId != null
                && Actors.asDesk(identityService, () -> taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(reference)
                        .taskDefinitionKey(TASK)
                        .active()
                        .list()
                        .stream()
                        .anyMatch(t -> t.getAssignee() != null && StaffIds.same(t.getAssignee(), userId)));
    }
}
