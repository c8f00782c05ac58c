package uk.lucidservices.privacydesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine from asking the database for the latest version of a process at every start.
 * Deployed definitions are cached by the engine, but which version is the latest is a query each
 * time: a request start ran two (its own process, started by key, and the SLA clocks it calls).
 * This remembers the latest version of each key for {@link #TTL_MILLIS} and forgets them all when
 * this node deploys, deletes, suspends or activates a process definition. A version deployed, or a
 * definition suspended, on another node is seen here within {@link #TTL_MILLIS}. Only process
 * starts without a tenant are served from memory (the desk uses no tenants).
 */
@Component
class LatestProcessDefinitions extends AbstractProcessEnginePlugin {

    /** How long the latest version of a process key is used without asking the database again. */
    static final long TTL_MILLIS = 10_000;

    private record Latest(String definitionId, long readAt) {}

    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ProcessDefinitionManager.class;
            }

            @Override
            public Session openSession() {
                return new CachingProcessDefinitionManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    void clear() {
        latest.clear();
    }

    /**
     * Only a process start (and the call activities it reaches) is served from memory: a deployment
     * numbers its new versions from the latest in the database, and other commands are not hot.
     */
    private static boolean starting() {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation != null && invocation.getCommand() instanceof StartProcessInstanceCmd;
    }

    class CachingProcessDefinitionManager extends ProcessDefinitionManager {

        @Override
        public ProcessDefinitionEntity findLatestProcessDefinitionByKey(String key) {
            ProcessDefinitionEntity known = remembered(key);
            return known != null ? known : remember(key, super.findLatestProcessDefinitionByKey(key));
        }

        @Override
        public ProcessDefinitionEntity findLatestProcessDefinitionByKeyAndTenantId(String key, String tenantId) {
            if (tenantId != null) {
                return super.findLatestProcessDefinitionByKeyAndTenantId(key, tenantId);
            }
            ProcessDefinitionEntity known = remembered(key);
            return known != null ? known : remember(key, super.findLatestProcessDefinitionByKeyAndTenantId(key, null));
        }

        /** The deployed (cached) definition of the remembered latest version, or null to ask the database. */
        private ProcessDefinitionEntity remembered(String key) {
            if (!starting()) {
                return null;
            }
            Latest entry = latest.get(key);
            if (entry == null || System.currentTimeMillis() - entry.readAt() >= TTL_MILLIS) {
                return null;
            }
            ProcessDefinitionEntity deployed = Context.getProcessEngineConfiguration()
                    .getDeploymentCache()
                    .findProcessDefinitionFromCache(entry.definitionId());
            return deployed != null && deployed.getTenantId() == null ? deployed : null;
        }

        private ProcessDefinitionEntity remember(String key, ProcessDefinitionEntity found) {
            if (found != null && found.getTenantId() == null && starting()) {
                latest.put(key, new Latest(found.getId(), System.currentTimeMillis()));
            }
            return found;
        }

        @Override
        public void insertProcessDefinition(ProcessDefinitionEntity processDefinition) {
            clear();
            super.insertProcessDefinition(processDefinition);
            // Again once the new version is committed: a start meanwhile may have remembered the old one.
            Context.getCommandContext()
                    .getTransactionContext()
                    .addTransactionListener(TransactionState.COMMITTED, context -> clear());
        }

        @Override
        public void deleteProcessDefinition(
                ProcessDefinition processDefinition,
                String processDefinitionId,
                boolean cascadeToHistory,
                boolean cascadeToInstances,
                boolean skipCustomListeners,
                boolean skipIoMappings) {
            clear();
            super.deleteProcessDefinition(
                    processDefinition,
                    processDefinitionId,
                    cascadeToHistory,
                    cascadeToInstances,
                    skipCustomListeners,
                    skipIoMappings);
        }

        @Override
        public void updateProcessDefinitionSuspensionStateById(String processDefinitionId, SuspensionState state) {
            clear();
            super.updateProcessDefinitionSuspensionStateById(processDefinitionId, state);
        }

        @Override
        public void updateProcessDefinitionSuspensionStateByKey(String processDefinitionKey, SuspensionState state) {
            clear();
            super.updateProcessDefinitionSuspensionStateByKey(processDefinitionKey, state);
        }

        @Override
        public void updateProcessDefinitionSuspensionStateByKeyAndTenantId(
                String processDefinitionKey, String tenantId, SuspensionState state) {
            clear();
            super.updateProcessDefinitionSuspensionStateByKeyAndTenantId(processDefinitionKey, tenantId, state);
        }
    }
}
