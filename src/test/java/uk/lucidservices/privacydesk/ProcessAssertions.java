package uk.lucidservices.privacydesk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The process assertions the tests use, with camunda-bpm-assert's names and meaning, on the
 * engine's public API alone: the suite runs unchanged on Camunda 7 and on Operaton (whose assert
 * library is not on Maven Central for 1.0).
 */
public final class ProcessAssertions {

    private static ProcessEngine engine;

    private ProcessAssertions() {}

    public static void init(ProcessEngine processEngine) {
        engine = processEngine;
    }

    public static ProcessInstanceAssert assertThat(ProcessInstance processInstance) {
        return new ProcessInstanceAssert(processInstance);
    }

    /** The instance's one open task (its own, not a called process's); null when none, an error when several. */
    public static Task task(ProcessInstance processInstance) {
        Assertions.assertThat(processInstance).as("process instance").isNotNull();
        return engine().getTaskService()
                .createTaskQuery()
                .processInstanceId(processInstance.getId())
                .singleResult();
    }

    public static void complete(Task task, Map<String, Object> variables) {
        Assertions.assertThat(task).as("task to complete").isNotNull();
        engine().getTaskService().complete(task.getId(), variables);
    }

    public static Map<String, Object> withVariables(String key, Object value, Object... furtherKeysAndValues) {
        if (furtherKeysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("withVariables needs keys and values in pairs");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(key, value);
        for (int i = 0; i < furtherKeysAndValues.length; i += 2) {
            variables.put((String) furtherKeysAndValues[i], furtherKeysAndValues[i + 1]);
        }
        return variables;
    }

    /** The engine given to {@link #init}, else the one engine running (as camunda-bpm-assert finds it). */
    private static ProcessEngine engine() {
        if (engine != null) {
            return engine;
        }
        Map<String, ProcessEngine> running = ProcessEngines.getProcessEngines();
        if (running.size() != 1) {
            throw new IllegalStateException(running.size() + " engines running: call ProcessAssertions.init first");
        }
        return running.values().iterator().next();
    }

    public static final class ProcessInstanceAssert extends AbstractAssert<ProcessInstanceAssert, ProcessInstance> {

        private ProcessInstanceAssert(ProcessInstance actual) {
            super(actual, ProcessInstanceAssert.class);
        }

        /** Running, with an activity instance (or an asynchronous continuation) at each of these activities. */
        public ProcessInstanceAssert isWaitingAt(String... activityIds) {
            ActivityInstance root = running();
            List<String> waitingAt = descendants(root)
                    .flatMap(a -> Stream.concat(
                            Stream.of(a.getActivityId()),
                            Arrays.stream(a.getChildTransitionInstances()).map(t -> t.getActivityId())))
                    .filter(id -> !id.equals(root.getActivityId()))
                    .toList();
            Assertions.assertThat(waitingAt)
                    .as("%s waiting at %s", actual.getId(), waitingAt)
                    .contains(activityIds);
            return this;
        }

        /** Running, and subscribed to each of these messages. */
        public ProcessInstanceAssert isWaitingFor(String... messageNames) {
            isNotNull();
            for (String message : messageNames) {
                Assertions.assertThat(engine().getRuntimeService()
                                .createExecutionQuery()
                                .processInstanceId(actual.getId())
                                .messageEventSubscriptionName(message)
                                .list())
                        .as("%s waiting for message %s", actual.getId(), message)
                        .isNotEmpty();
            }
            return this;
        }

        public ProcessInstanceAssert isEnded() {
            isNotNull();
            Assertions.assertThat(engine().getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceId(actual.getId())
                            .singleResult())
                    .as("%s still running", actual.getId())
                    .isNull();
            Assertions.assertThat(engine().getHistoryService()
                            .createHistoricProcessInstanceQuery()
                            .processInstanceId(actual.getId())
                            .singleResult())
                    .as("%s in history", actual.getId())
                    .isNotNull();
            return this;
        }

        /** Each of these activities finished at least once. */
        public ProcessInstanceAssert hasPassed(String... activityIds) {
            List<String> passed = passed();
            Assertions.assertThat(passed)
                    .as("%s passed %s", actual.getId(), passed)
                    .contains(activityIds);
            return this;
        }

        /** Each of these activities finished, in this order (others may come between). */
        public ProcessInstanceAssert hasPassedInOrder(String... activityIds) {
            List<String> passed = passed();
            List<String> remaining = passed;
            for (String id : activityIds) {
                Assertions.assertThat(remaining)
                        .as("%s passed %s, in order %s", actual.getId(), passed, List.of(activityIds))
                        .contains(id);
                remaining = remaining.subList(remaining.indexOf(id) + 1, remaining.size());
            }
            return this;
        }

        public ProcessInstanceAssert hasNotPassed(String... activityIds) {
            List<String> passed = passed();
            Assertions.assertThat(passed)
                    .as("%s passed %s", actual.getId(), passed)
                    .doesNotContain(activityIds);
            return this;
        }

        private ActivityInstance running() {
            isNotNull();
            ActivityInstance root = engine().getRuntimeService().getActivityInstance(actual.getId());
            Assertions.assertThat(root).as("%s is running", actual.getId()).isNotNull();
            return root;
        }

        private static Stream<ActivityInstance> descendants(ActivityInstance instance) {
            return Stream.concat(
                    Stream.of(instance),
                    Arrays.stream(instance.getChildActivityInstances()).flatMap(ProcessInstanceAssert::descendants));
        }

        /** Finished activities in the order they ended, as camunda-bpm-assert orders them. */
        private List<String> passed() {
            isNotNull();
            List<String> ids = new ArrayList<>();
            for (HistoricActivityInstance instance : engine().getHistoryService()
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(actual.getId())
                    .finished()
                    .orderByHistoricActivityInstanceEndTime()
                    .asc()
                    .orderPartiallyByOccurrence()
                    .asc()
                    .list()) {
                ids.add(instance.getActivityId());
            }
            return ids;
        }
    }
}
