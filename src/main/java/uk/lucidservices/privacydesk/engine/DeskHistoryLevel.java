package uk.lucidservices.privacydesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * History level {@code audit} as the desk keeps it, with the same id (2) and name, so the setting
 * {@code camunda.bpm.history-level: audit} and existing databases stay as they are (the engine
 * takes the last level registered under the configured name, and custom levels come last). It
 * differs from Camunda's {@code audit} in two ways:
 * <ul>
 *   <li>No copy of submitted forms. When Tasklist submits a form the engine writes every text field
 *       as typed into ACT_HI_DETAIL (a "form property update"), beside the variable itself; blanking
 *       the variable afterwards ({@link ProcessVariables#forget}) cannot reach that copy, so a refusal
 *       reason or a note about the requester stayed in history until cleanup.</li>
 *   <li>The SLA clocks ({@value #SLA_CLOCKS}) keep their process instance (started, ended) and the
 *       user tasks staff work in it, but no activity instances and no variables. The clocks run
 *       beside every request and write their facts to the register: dates, pauses, reminders,
 *       escalations and breaches (with an incident on the request while it runs), so their
 *       activity trail (a timer waited, a date was checked, a gateway passed) and their date
 *       variables told nobody anything the register does not, yet were 8 of the 11 activity
 *       instances and 6 of the 8 variables that every request start wrote to history.</li>
 * </ul>
 * The request processes themselves keep everything {@code audit} keeps: tests, the erasure of the
 * engine's copy ({@code erasure.EngineCopy}) and anyone reading history through the API rely on it.
 */
@Component
class DeskHistoryLevel extends AbstractProcessEnginePlugin {

    /** The called process whose history is its instance and its user tasks only. */
    static final String SLA_CLOCKS = "request-sla-clocks";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(new Level());
        configuration.setCustomHistoryLevels(custom);
    }

    static final class Level extends HistoryLevelAudit {

        /** What the SLA clocks keep: their instance, and the tasks staff work in them. */
        private static final Set<HistoryEventType> CLOCKS_KEEP = Set.of(
                HistoryEventTypes.PROCESS_INSTANCE_START,
                HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
                HistoryEventTypes.PROCESS_INSTANCE_MIGRATE,
                HistoryEventTypes.PROCESS_INSTANCE_END,
                HistoryEventTypes.TASK_INSTANCE_CREATE,
                HistoryEventTypes.TASK_INSTANCE_UPDATE,
                HistoryEventTypes.TASK_INSTANCE_MIGRATE,
                HistoryEventTypes.TASK_INSTANCE_COMPLETE,
                HistoryEventTypes.TASK_INSTANCE_DELETE);

        /** Process definition id to key; ids never change, and there are as many as versions deployed. */
        private final Map<String, String> keys = new ConcurrentHashMap<>();

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE
                    || !super.isHistoryEventProduced(eventType, entity)) {
                return false;
            }
            return CLOCKS_KEEP.contains(eventType) || !SLA_CLOCKS.equals(processKey(entity));
        }

        /**
         * The process key of what an event is about, or null when it cannot be told (no entity: the
         * engine asks whether an event type is kept at all; then it is, for some processes).
         */
        String processKey(Object entity) {
            String definitionId;
            if (entity instanceof ExecutionEntity execution) {
                definitionId = execution.getProcessDefinitionId();
            } else if (entity instanceof VariableInstanceEntity variable) {
                definitionId = variable.getProcessDefinitionId();
            } else if (entity instanceof TaskEntity task) {
                definitionId = task.getProcessDefinitionId();
            } else {
                return null;
            }
            if (definitionId == null) {
                return null;
            }
            String key = keys.get(definitionId);
            if (key == null) {
                // Not computeIfAbsent: loading a definition into the deployment cache may parse it.
                ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
                if (configuration == null) {
                    return null;
                }
                ProcessDefinitionEntity definition =
                        configuration.getDeploymentCache().findDeployedProcessDefinitionById(definitionId);
                key = definition.getKey();
                keys.put(definitionId, key);
            }
            return key;
        }
    }
}
