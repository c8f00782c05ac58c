package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.mail.LetterQueue;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/** What intake tests share: deliver a mail over real SMTP, poll the real mailbox, run the letter jobs. */
abstract class IntakeTestSupport extends DeskIntegrationTest {

    @Autowired
    protected MailboxPoller poller;

    @Autowired
    protected IntakeLog intakeLog;

    @Autowired
    protected RequestRegister register;

    @Autowired
    protected SentLetters sentLetters;

    @Autowired
    protected RuntimeService runtimeService;

    @Autowired
    protected ManagementService managementService;

    @Autowired
    protected TaskService taskService;

    protected static void deliver(TestMail mail) {
        Smtp.send(
                TestMailServer.smtpPort(),
                mail.fromHeader() == null ? "someone@example.com" : mail.address(),
                TestMailServer.PRIVACY_MAILBOX,
                mail.bytes());
    }

    protected MailboxPoller.PollReport poll() {
        MailboxPoller.PollReport report = poller.pollOnce();
        assertThat(report.failed()).as("poll error: %s", report.error()).isFalse();
        return report;
    }

    /** Delivers the mail, polls, and returns what the intake logged for it. */
    protected IntakeLog.Entry deliverAndPoll(TestMail mail) {
        deliver(mail);
        poll();
        return entry(mail);
    }

    protected IntakeLog.Entry entry(TestMail mail) {
        List<IntakeLog.Entry> entries = intakeLog.findByMessageId(mail.messageId());
        assertThat(entries).as("intake log rows for the mail").isNotEmpty();
        return entries.get(0);
    }

    /** Runs the jobs of the letters queued for a request, as the job executor would. */
    protected void sendQueuedLetters(String reference) {
        for (ProcessInstance letter : runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(LetterQueue.PROCESS_KEY)
                .processInstanceBusinessKey(reference)
                .list()) {
            for (Job job : managementService
                    .createJobQuery()
                    .processInstanceId(letter.getId())
                    .list()) {
                managementService.executeJob(job.getId());
            }
        }
    }

    /** Runs the process's asynchronous steps (not its timers), as the job executor would, until it has sent a letter. */
    protected void runStepsUntilALetterIsSent(Request request) {
        for (int step = 0;
                step < 10 && sentLetters.forReference(request.reference()).isEmpty();
                step++) {
            Job next = managementService
                    .createJobQuery()
                    .processInstanceId(request.processInstanceId())
                    .messages()
                    .executable()
                    .list()
                    .stream()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the request's process has no step left and sent no letter"));
            managementService.executeJob(next.getId());
        }
    }
}
