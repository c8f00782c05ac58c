package uk.lucidservices.privacydesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionContext;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine from reading definitions from the database for every request start. Two reads
 * were repeated for nothing:
 *
 * <ul>
 *   <li>Each new job (an asynchronous step, a timer) looks up its step's job definition to copy its
 *       suspension state: a request start created five jobs and so ran five single-row selects of
 *       ACT_RU_JOBDEF, the most database time of any statement in a start (benchmark 2).
 *   <li>Starting a process by key, and a call activity bound to the latest version (the request's
 *       {@code request-sla-clocks}), each look up the latest version of their key in ACT_RE_PROCDEF
 *       ({@code max(VERSION_)}): two selects per start, about 0.4 ms of a 6 ms start at one client
 *       and 1.5 ms at four (issue 19).
 * </ul>
 *
 * Definitions change only when a process is deployed or undeployed, when one is suspended or
 * activated (Cockpit), when its job priority or history time to live is changed; the desk does none
 * of these while it runs. This keeps each definition read for {@link #TTL_MILLIS}, drops every entry
 * at once when this node deploys, undeploys, suspends or activates one (and again when that
 * transaction ends, so a start in between cannot keep the old state), and hands each command its own
 * copy, so a command that changes a definition changes its copy and writes it as before. So a version
 * deployed on this node is started by the very next start here; one deployed, suspended or activated
 * on another node on the same database is seen here within {@link #TTL_MILLIS}: until then this node
 * starts the version it read, as it read it (a definition suspended on another node can still be
 * started here, since the engine takes the suspension state from the row it is handed). A history
 * time to live changed in Cockpit reaches new instances here within the same window.
 *
 * <p>Two commands change a definition by updating the entity they read rather than through a manager
 * method: a job priority overridden in Cockpit and a history time to live changed. They read the
 * database, not this cache (so the revision they update is the row's, and a second change does not
 * fail as concurrent), and every entry is dropped when they end. A read that started before any
 * change ended is used by its own command but not kept ({@link #generation}).
 *
 * <p>Only the latest-version lookups that see every tenant's definitions alike are kept: the one
 * without a tenant, and the one for any tenant when no tenant check narrows what the caller sees
 * (the desk starts processes as itself). A command that already holds another version of the key
 * (deploying, undeploying) reads the database, as before.
 */
@Component
class DefinitionReads extends AbstractProcessEnginePlugin {

    /** How long a definition read from the database is used without reading it again. */
    static final long TTL_MILLIS = 10_000;

    private final Map<String, Cached<JobDefinitionEntity>> jobDefinitions = new ConcurrentHashMap<>();
    /** Latest process definition by key, as seen by a caller who sees every tenant. */
    private final Map<String, Cached<ProcessDefinitionEntity>> latestOfAnyTenant = new ConcurrentHashMap<>();
    /** Latest process definition by key among those deployed without a tenant. */
    private final Map<String, Cached<ProcessDefinitionEntity>> latestWithoutTenant = new ConcurrentHashMap<>();

    private final LongSupplier millis;

    /** Advanced at every clear: a read begun before a clear is not kept after it. */
    private final AtomicLong generation = new AtomicLong();

    /** Set while a command that updates a definition entity in place runs on this thread. */
    private static final ThreadLocal<Boolean> READ_THROUGH = new ThreadLocal<>();

    DefinitionReads() {
        this(System::currentTimeMillis);
    }

    DefinitionReads(LongSupplier millis) {
        this.millis = millis;
    }

    private record Cached<T>(T definition, long readAt) {}

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(sessionFactory(JobDefinitionManager.class, CachingJobDefinitionManager::new));
        factories.add(sessionFactory(ProcessDefinitionManager.class, CachingProcessDefinitionManager::new));
        configuration.setCustomSessionFactories(factories);
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withReadThrough(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withReadThrough(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private List<CommandInterceptor> withReadThrough(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(new ReadThroughForInPlaceChanges());
        return all;
    }

    /** Whether a command updates a definition it reads, rather than through a manager method. */
    static boolean changesDefinitionInPlace(Command<?> command) {
        return command instanceof SetJobDefinitionPriorityCmd
                || command instanceof UpdateProcessDefinitionHistoryTimeToLiveCmd;
    }

    /** Runs such commands on the database's rows, and forgets every definition once they have ended. */
    class ReadThroughForInPlaceChanges extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!changesDefinitionInPlace(command) || READ_THROUGH.get() != null) {
                return next.execute(command);
            }
            READ_THROUGH.set(Boolean.TRUE);
            clear();
            try {
                return next.execute(command);
            } finally {
                READ_THROUGH.remove();
                clear();
            }
        }
    }

    private static SessionFactory sessionFactory(Class<?> type, Supplier<Session> manager) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return manager.get();
            }
        };
    }

    /** Forgets every definition read so far. */
    void clear() {
        generation.incrementAndGet();
        jobDefinitions.clear();
        latestOfAnyTenant.clear();
        latestWithoutTenant.clear();
    }

    int jobDefinitionsKept() {
        return jobDefinitions.size();
    }

    int latestProcessDefinitionsKept() {
        return latestOfAnyTenant.size() + latestWithoutTenant.size();
    }

    /**
     * Forgets every definition now, for the rest of this command, and again when its transaction
     * ends: a start on another thread in between reads the state from before the change.
     */
    private void forgetOnChange() {
        clear();
        TransactionContext transaction = Context.getCommandContext().getTransactionContext();
        transaction.addTransactionListener(TransactionState.COMMITTED, context -> clear());
        transaction.addTransactionListener(TransactionState.ROLLED_BACK, context -> clear());
    }

    /** Keeps a read unless a clear came after it began (it may hold the state from before a change). */
    private <T> void keep(Map<String, Cached<T>> cache, String key, Cached<T> read, long generationBefore) {
        cache.put(key, read);
        if (generation.get() != generationBefore) {
            cache.remove(key, read);
        }
    }

    private boolean fresh(Cached<?> cached, long now) {
        return cached != null && now - cached.readAt() < TTL_MILLIS;
    }

    class CachingJobDefinitionManager extends JobDefinitionManager {

        @Override
        public JobDefinitionEntity findById(String jobDefinitionId) {
            if (jobDefinitionId == null) {
                return null;
            }
            // Read in this command already: that copy, with any change the command made to it.
            JobDefinitionEntity inCommand =
                    getDbEntityManager().getCachedEntity(JobDefinitionEntity.class, jobDefinitionId);
            if (inCommand != null) {
                return inCommand;
            }
            if (READ_THROUGH.get() != null) {
                return super.findById(jobDefinitionId);
            }
            long now = millis.getAsLong();
            Cached<JobDefinitionEntity> cached = jobDefinitions.get(jobDefinitionId);
            if (!fresh(cached, now)) {
                long before = generation.get();
                JobDefinitionEntity read = super.findById(jobDefinitionId);
                if (read != null) {
                    keep(jobDefinitions, jobDefinitionId, new Cached<>(copy(read), now), before);
                }
                return read;
            }
            JobDefinitionEntity mine = copy(cached.definition());
            getDbEntityManager().getDbEntityCache().putPersistent(mine);
            return mine;
        }

        @Override
        public void deleteJobDefinitionsByProcessDefinitionId(String id) {
            forgetOnChange();
            super.deleteJobDefinitionsByProcessDefinitionId(id);
        }

        @Override
        public void updateJobDefinitionSuspensionStateById(String jobDefinitionId, SuspensionState state) {
            forgetOnChange();
            super.updateJobDefinitionSuspensionStateById(jobDefinitionId, state);
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionId(
                String processDefinitionId, SuspensionState state) {
            forgetOnChange();
            super.updateJobDefinitionSuspensionStateByProcessDefinitionId(processDefinitionId, state);
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionKey(
                String processDefinitionKey, SuspensionState state) {
            forgetOnChange();
            super.updateJobDefinitionSuspensionStateByProcessDefinitionKey(processDefinitionKey, state);
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionKeyAndTenantId(
                String processDefinitionKey, String tenantId, SuspensionState state) {
            forgetOnChange();
            super.updateJobDefinitionSuspensionStateByProcessDefinitionKeyAndTenantId(
                    processDefinitionKey, tenantId, state);
        }
    }

    /**
     * The two lookups below are the ones the engine's deployment cache makes to start a process by
     * key or to call one by latest binding; the deployer and the suspension commands call the
     * manager's own findLatestProcessDefinitionByKey... methods and still read the database.
     */
    class CachingProcessDefinitionManager extends ProcessDefinitionManager {

        @Override
        public ProcessDefinitionEntity findLatestDefinitionByKey(String key) {
            // With a tenant check the caller sees only its tenants' definitions: not one answer for all.
            if (key == null || getTenantManager().isTenantCheckEnabled()) {
                return super.findLatestDefinitionByKey(key);
            }
            return latest(latestOfAnyTenant, key, () -> super.findLatestDefinitionByKey(key));
        }

        @Override
        public ProcessDefinitionEntity findLatestDefinitionByKeyAndTenantId(String key, String tenantId) {
            if (key == null || tenantId != null) {
                return super.findLatestDefinitionByKeyAndTenantId(key, tenantId);
            }
            return latest(latestWithoutTenant, key, () -> super.findLatestDefinitionByKeyAndTenantId(key, null));
        }

        private ProcessDefinitionEntity latest(
                Map<String, Cached<ProcessDefinitionEntity>> cache,
                String key,
                Supplier<ProcessDefinitionEntity> read) {
            List<ProcessDefinitionEntity> held =
                    getDbEntityManager().getDbEntityCache().getEntitiesByType(ProcessDefinitionEntity.class).stream()
                            .filter(definition -> key.equals(definition.getKey()))
                            .toList();
            if (READ_THROUGH.get() != null) {
                return read.get();
            }
            long now = millis.getAsLong();
            Cached<ProcessDefinitionEntity> cached = cache.get(key);
            if (fresh(cached, now)) {
                if (held.isEmpty()) {
                    ProcessDefinitionEntity mine = copy(cached.definition());
                    getDbEntityManager().getDbEntityCache().putPersistent(mine);
                    return mine;
                }
                // Handed to this command already: that copy, with any change the command made to it.
                if (held.size() == 1
                        && held.get(0).getId().equals(cached.definition().getId())) {
                    return held.get(0);
                }
            }
            if (!held.isEmpty()) {
                // Another version in hand: deploying or undeploying this key. The database's answer, kept for no one.
                return read.get();
            }
            long before = generation.get();
            ProcessDefinitionEntity latest = read.get();
            if (latest != null) {
                keep(cache, key, new Cached<>(copy(latest), now), before);
            }
            return latest;
        }

        @Override
        public void insertProcessDefinition(ProcessDefinitionEntity processDefinition) {
            forgetOnChange();
            super.insertProcessDefinition(processDefinition);
        }

        @Override
        public void deleteProcessDefinition(
                ProcessDefinition processDefinition,
                String processDefinitionId,
                boolean cascadeToHistory,
                boolean cascadeToInstances,
                boolean skipCustomListeners,
                boolean skipIoMappings) {
            forgetOnChange();
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
            forgetOnChange();
            super.updateProcessDefinitionSuspensionStateById(processDefinitionId, state);
        }

        @Override
        public void updateProcessDefinitionSuspensionStateByKey(String processDefinitionKey, SuspensionState state) {
            forgetOnChange();
            super.updateProcessDefinitionSuspensionStateByKey(processDefinitionKey, state);
        }

        @Override
        public void updateProcessDefinitionSuspensionStateByKeyAndTenantId(
                String processDefinitionKey, String tenantId, SuspensionState state) {
            forgetOnChange();
            super.updateProcessDefinitionSuspensionStateByKeyAndTenantId(processDefinitionKey, tenantId, state);
        }
    }

    private static JobDefinitionEntity copy(JobDefinitionEntity from) {
        JobDefinitionEntity to = new JobDefinitionEntity();
        to.setId(from.getId());
        to.setRevision(from.getRevision());
        to.setProcessDefinitionId(from.getProcessDefinitionId());
        to.setProcessDefinitionKey(from.getProcessDefinitionKey());
        to.setActivityId(from.getActivityId());
        to.setJobType(from.getJobType());
        to.setJobConfiguration(from.getJobConfiguration());
        to.setSuspensionState(from.getSuspensionState());
        to.setJobPriority(from.getOverridingJobPriority());
        to.setTenantId(from.getTenantId());
        to.setDeploymentId(from.getDeploymentId());
        return to;
    }

    /** Every column ACT_RE_PROCDEF's row gives the entity (the engine's processDefinitionResultMap). */
    private static ProcessDefinitionEntity copy(ProcessDefinitionEntity from) {
        ProcessDefinitionEntity to = new ProcessDefinitionEntity();
        to.setId(from.getId());
        to.setRevision(from.getRevision());
        to.setCategory(from.getCategory());
        to.setName(from.getName());
        to.setKey(from.getKey());
        to.setVersion(from.getVersion());
        to.setDeploymentId(from.getDeploymentId());
        to.setResourceName(from.getResourceName());
        to.setDiagramResourceName(from.getDiagramResourceName());
        to.setHasStartFormKey(from.getHasStartFormKey());
        to.setSuspensionState(from.getSuspensionState());
        to.setTenantId(from.getTenantId());
        to.setVersionTag(from.getVersionTag());
        to.setHistoryTimeToLive(from.getHistoryTimeToLive());
        to.setStartableInTasklist(from.isStartableInTasklist());
        return to;
    }
}
