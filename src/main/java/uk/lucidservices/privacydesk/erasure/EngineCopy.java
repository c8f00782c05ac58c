package uk.lucidservices.privacydesk.erasure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * The engine's own copy of an erasure request. Processes hold references and ids only, but form
 * fields (reasons, notes) pass through process variables, and the engine's history keeps every
 * variable's last value even after the variable is removed. At the end of the request this removes
 * every variable except references and ids ({@code desk.erasure.engine-variables-kept}) from the
 * running instance and from history: for this request, and for the person's earlier finished
 * requests. What history keeps otherwise (activities, tasks, incidents naming systems) holds no
 * personal data and goes with the process's history time to live and the nightly history cleanup.
 */
@Component
class EngineCopy {

    private final ErasureProperties properties;
    private final ErasureSubjects subjects;
    private final RequestRegister register;

    public EngineCopy(ErasureProperties properties, ErasureSubjects subjects, RequestRegister register) {
        this.properties = properties;
        this.subjects = subjects;
        this.register = register;
    }

    /** Returns how many variables (runtime and historic) were removed. */
    public int purge(DelegateExecution execution, String reference) {
        Set<String> kept = Set.copyOf(properties.engineVariablesKept());
        int removed = 0;
        for (String name : new HashSet<>(execution.getVariableNames())) {
            if (!kept.contains(name)) {
                execution.removeVariable(name);
                removed++;
            }
        }
        HistoryService history = execution.getProcessEngineServices().getHistoryService();
        List<String> instances = new ArrayList<>();
        instances.add(execution.getProcessInstanceId());
        instances.addAll(finishedRequestsOfTheSamePerson(history, reference));
        for (String processInstanceId : instances) {
            removed += withoutAuthorization(() -> purgeHistory(history, processInstanceId, kept));
        }
        register.record(
                subjects.request(reference).id(),
                "ENGINE_COPY_PURGED",
                null,
                "Process variables other than references and ids removed from the engine and its history ("
                        + instances.size() + " process instance(s))");
        return removed;
    }

    private static int purgeHistory(HistoryService history, String processInstanceId, Set<String> kept) {
        int removed = 0;
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .includeDeleted()
                .disableBinaryFetching()
                .disableCustomObjectDeserialization()
                .list()) {
            if (!kept.contains(v.getName())) {
                history.deleteHistoricVariableInstance(v.getId());
                removed++;
            }
        }
        return removed;
    }

    /** Earlier requests found by the same verified identifiers whose processes have ended. */
    private List<String> finishedRequestsOfTheSamePerson(HistoryService history, String reference) {
        Subject subject = subjects.subject(reference);
        Set<String> keys = new HashSet<>();
        keys.addAll(subject.emailKeys());
        keys.addAll(subject.phoneKeys());
        keys.addAll(subject.accountNumbers());
        List<String> ids = register.processInstancesSharingKeys(keys, reference);
        return ids.stream()
                .filter(id -> withoutAuthorization(() -> history.createHistoricProcessInstanceQuery()
                                .processInstanceId(id)
                                .finished()
                                .count()
                        > 0))
                .toList();
    }

    /**
     * History belongs to the desk, not to whoever completed the last task: when this step runs in a
     * user's transaction, the engine would otherwise check that user's right to delete history.
     */
    private static <T> T withoutAuthorization(Callable<T> call) {
        CommandContext context = Context.getCommandContext();
        try {
            return context != null ? context.runWithoutAuthorization(call) : call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
