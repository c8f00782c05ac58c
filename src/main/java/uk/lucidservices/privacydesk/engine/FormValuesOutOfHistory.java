package uk.lucidservices.privacydesk.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * History level {@code audit} without its copy of submitted forms. When Tasklist submits a form,
 * the engine writes every text field as typed into ACT_HI_DETAIL (a "form property update"),
 * beside the variable itself; blanking the variable afterwards ({@link ProcessVariables#forget}) cannot reach
 * that copy, so a refusal reason or a note about the requester stayed in history until cleanup.
 * This level is {@code audit} in every other respect, with the same id (2) and name, so the
 * setting {@code camunda.bpm.history-level: audit} and existing databases stay as they are: the
 * engine takes the last level registered under the configured name, and custom levels come last.
 */
@Component
class FormValuesOutOfHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(new AuditWithoutFormValues());
        configuration.setCustomHistoryLevels(custom);
    }

    static final class AuditWithoutFormValues extends HistoryLevelAudit {
        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return eventType != HistoryEventTypes.FORM_PROPERTY_UPDATE
                    && super.isHistoryEventProduced(eventType, entity);
        }
    }
}
