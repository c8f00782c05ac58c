package uk.lucidservices.privacydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.request.ClockConfiguration;

/**
 * The process-variable boundary on the real engine: a task's complete listener reads what the
 * form sent through {@link ProcessVariables}, as the desk's listeners do. The engine wraps what a
 * listener throws, so refusals are checked on the root cause, which the form shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessVariablesTest extends DeskIntegrationTest {

    private static final String PROCESS = "process-variables-test";
    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    private String deploymentId;

    /** What the listener does with the completing task; its answer is kept in {@link Reader#answer}. */
    public static class Reader implements TaskListener {
        static volatile Function<DelegateTask, Object> read;
        static volatile Object answer;

        @Override
        public void notify(DelegateTask task) {
            answer = read.apply(task);
        }
    }

    @BeforeAll
    void deploy() {
        deploymentId = repository
                .createDeployment()
                .name("process variables test")
                .addModelInstance(
                        PROCESS + ".bpmn",
                        Bpmn.createExecutableProcess(PROCESS)
                                .name("Process variables (test)")
                                .camundaHistoryTimeToLive(1)
                                .startEvent("Start_Test")
                                .name("Started")
                                .userTask("Task_Answer")
                                .name("Answer the form")
                                .camundaTaskListenerClass("complete", Reader.class.getName())
                                .endEvent("End_Test")
                                .name("Done")
                                .done())
                .deploy()
                .getId();
    }

    @AfterAll
    void undeploy() {
        repository.deleteDeployment(deploymentId, true);
    }

    @AfterEach
    void forgetTheReader() {
        Reader.read = null;
        Reader.answer = null;
    }

    private record Run(String processInstanceId, String reference) {}

    /** Starts an instance, completes its task with {@code sent} and returns what {@code read} answered. */
    private Run complete(Map<String, Object> sent, Function<DelegateTask, Object> read) {
        String reference = "TEST-VARS-" + KEYS.incrementAndGet();
        String pid = runtime.startProcessInstanceByKey(PROCESS, reference).getId();
        Reader.read = read;
        tasks.complete(
                tasks.createTaskQuery().processInstanceId(pid).singleResult().getId(), sent);
        return new Run(pid, reference);
    }

    private Object read(Map<String, Object> sent, Function<DelegateTask, Object> read) {
        complete(sent, read);
        return Reader.answer;
    }

    @Test
    void aMissingOrBlankValueReadsAsNullAndARequiredOneNamesTheVariableAndTheRequest() {
        assertThat(read(Map.of(), task -> ProcessVariables.text(task, "decision")))
                .isNull();
        assertThat(read(Map.of("decision", "   "), task -> ProcessVariables.text(task, "decision")))
                .isNull();
        assertThat(read(Map.of("count", ""), task -> ProcessVariables.number(task, "count")))
                .isNull();
        assertThat(read(Map.of(), task -> ProcessVariables.yesNo(task, "approved")))
                .isNull();
        assertThat(read(Map.of(), task -> ProcessVariables.date(task, "askedOn", ClockConfiguration.UK)))
                .isNull();

        String reference = "TEST-VARS-" + (KEYS.get() + 1);
        assertThatThrownBy(() -> complete(Map.of(), task -> ProcessVariables.requiredText(task, "decision")))
                .rootCause()
                .isInstanceOf(ProcessVariableException.class)
                .hasMessage("Process variable 'decision' of " + reference + " is not set");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheVariableAndTheRequestButNotTheValue() {
        String reference = "TEST-VARS-" + (KEYS.get() + 1);
        assertThatThrownBy(() -> complete(Map.of("decision", 4711L), task -> ProcessVariables.text(task, "decision")))
                .rootCause()
                .isInstanceOf(ProcessVariableException.class)
                .hasMessage("Process variable 'decision' of " + reference + " must be text, not a Long");

        String next = "TEST-VARS-" + (KEYS.get() + 1);
        assertThatThrownBy(
                        () -> complete(Map.of("count", "Amelia Smith"), task -> ProcessVariables.number(task, "count")))
                .rootCause()
                .isInstanceOf(ProcessVariableException.class)
                .hasMessageContainingAll("'count'", next, "a whole number")
                .hasMessageNotContaining("Amelia");
        assertThatThrownBy(() ->
                        complete(Map.of("approved", "yes please"), task -> ProcessVariables.yesNo(task, "approved")))
                .rootCause()
                .isInstanceOf(ProcessVariableException.class)
                .hasMessageNotContaining("please");
        assertThatThrownBy(() -> complete(
                        Map.of("askedOn", "15/06/2026"),
                        task -> ProcessVariables.date(task, "askedOn", ClockConfiguration.UK)))
                .rootCause()
                .isInstanceOf(ProcessVariableException.class)
                .hasMessageNotContaining("15/06");
        assertThatThrownBy(() -> complete(Map.of("count", 2.5), task -> ProcessVariables.number(task, "count")))
                .rootCause()
                .isInstanceOf(ProcessVariableException.class)
                .hasMessageEndingWith("not a Double");
    }

    @Test
    void eachKindIsReadTheWayFormsAndTheRestApiSendIt() {
        assertThat(read(Map.of("decision", "  PROCEED "), task -> ProcessVariables.text(task, "decision")))
                .isEqualTo("PROCEED");
        assertThat(read(Map.of("count", " 12"), task -> ProcessVariables.number(task, "count")))
                .isEqualTo(12L);
        assertThat(read(Map.of("count", 12), task -> ProcessVariables.number(task, "count")))
                .isEqualTo(12L);
        assertThat(read(Map.of("count", 12.0), task -> ProcessVariables.number(task, "count")))
                .isEqualTo(12L);
        assertThat(read(Map.of("approved", true), task -> ProcessVariables.yesNo(task, "approved")))
                .isEqualTo(true);
        assertThat(read(Map.of("approved", "FALSE"), task -> ProcessVariables.yesNo(task, "approved")))
                .isEqualTo(false);
        // Camunda Forms' date field; a java.util.Date is read on UK time (00:30 BST on the 16th is the 16th).
        assertThat(read(
                        Map.of("askedOn", "2026-06-12"),
                        task -> ProcessVariables.date(task, "askedOn", ClockConfiguration.UK)))
                .isEqualTo(LocalDate.of(2026, 6, 12));
        assertThat(read(
                        Map.of("askedOn", Date.from(Instant.parse("2026-06-15T23:30:00Z"))),
                        task -> ProcessVariables.date(task, "askedOn", ClockConfiguration.UK)))
                .isEqualTo(LocalDate.of(2026, 6, 16));
        Run run = complete(Map.of(), ProcessVariables::reference);
        assertThat(Reader.answer).isEqualTo(run.reference());
    }

    @Test
    void aForgottenAnswerIsBlankedBeforeItIsRemovedSoHistoryKeepsOnlyItsName() {
        Map<String, Object> sent = new HashMap<>(Map.of("note", "Amelia is at 12 Acacia Avenue"));
        sent.put("route", Variables.stringValue("PROCEED", true));
        Run run = complete(sent, task -> {
            ProcessVariables.forget(task.getExecution(), "note", "route", "neverSet");
            return task.getExecution().hasVariable("note")
                    || task.getExecution().hasVariable("route");
        });
        assertThat(Reader.answer).isEqualTo(false);

        List<HistoricVariableInstance> kept = history.createHistoricVariableInstanceQuery()
                .processInstanceId(run.processInstanceId())
                .includeDeleted()
                .list();
        assertThat(kept).extracting(HistoricVariableInstance::getName).containsExactly("note");
        assertThat(kept.get(0).getState()).isEqualTo("DELETED");
        assertThat(kept.get(0).getValue())
                .as("the value was blanked before removal")
                .isNull();
    }
}
