package uk.lucidservices.privacydesk.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Letters for requesters with no email address the letter may go to: a Tasklist task asks staff
 * to post the letter, due the next day, and the request records that it went by post. The task
 * names the letter and the reference only (the engine keeps it).
 */
@Component
class LettersByPost {

    private final TaskService taskService;
    private final RequestRegister register;
    private final Clock clock;

    public LettersByPost(TaskService taskService, RequestRegister register, Clock clock) {
        this.taskService = taskService;
        this.register = register;
        this.clock = clock;
    }

    public void ask(Request request, String template) {
        Task task = taskService.newTask();
        task.setName("Post the '" + template + "' letter for " + request.reference());
        task.setDescription("There is no email address this letter may go to. Print the '" + template + "' letter for "
                + request.reference() + " (contact details on the request) and post it, then complete this task.");
        task.setDueDate(Date.from(clock.instant().plus(Duration.ofDays(1))));
        taskService.saveTask(task);
        String group =
                request.type() == RequestType.COMPLAINT ? DeskGroups.COMPLAINT_HANDLERS : DeskGroups.PRIVACY_OFFICERS;
        taskService.addCandidateGroup(task.getId(), group);
        register.record(request.id(), "LETTER_TO_POST", "desk", "template=" + template + "; to=requester by post");
    }
}
