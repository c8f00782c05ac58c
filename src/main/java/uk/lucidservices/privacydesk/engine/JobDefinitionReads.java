package uk.lucidservices.privacydesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine from reading a job definition from the database for every job it creates. Each
 * new job (an asynchronous step, a timer) looks up its step's job definition to copy its suspension
 * state and process definition: a request start created five jobs and so ran five single-row
 * selects of ACT_RU_JOBDEF, the most database time of any statement in a start (benchmark 2).
 * Job definitions change only when a process is deployed or undeployed, when one is suspended or
 * activated (Cockpit) and when its job priority is overridden; the desk does none of these while it
 * runs. This keeps each definition read for {@link #TTL_MILLIS}, drops every entry at once when
 * this node suspends, activates or deletes one, and hands each command its own copy, so a command
 * that changes a definition changes its copy and writes it as before. A definition suspended on
 * another node holds the new jobs of its step within {@link #TTL_MILLIS} on this one.
 */
@Component
class JobDefinitionReads extends AbstractProcessEnginePlugin {

    /** How long a job definition read from the database is used without reading it again. */
    static final long TTL_MILLIS = 10_000;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final LongSupplier millis;

    JobDefinitionReads() {
        this(System::currentTimeMillis);
    }

    JobDefinitionReads(LongSupplier millis) {
        this.millis = millis;
    }

    private record Cached(JobDefinitionEntity definition, long readAt) {}

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return JobDefinitionManager.class;
            }

            @Override
            public Session openSession() {
                return new CachingJobDefinitionManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** Forgets every job definition read so far. */
    void clear() {
        cache.clear();
    }

    int size() {
        return cache.size();
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
            long now = millis.getAsLong();
            Cached cached = cache.get(jobDefinitionId);
            if (cached == null || now - cached.readAt() >= TTL_MILLIS) {
                JobDefinitionEntity read = super.findById(jobDefinitionId);
                if (read != null) {
                    cache.put(jobDefinitionId, new Cached(copy(read), now));
                }
                return read;
            }
            JobDefinitionEntity mine = copy(cached.definition());
            getDbEntityManager().getDbEntityCache().putPersistent(mine);
            return mine;
        }

        @Override
        public void deleteJobDefinitionsByProcessDefinitionId(String id) {
            clear();
            super.deleteJobDefinitionsByProcessDefinitionId(id);
        }

        @Override
        public void updateJobDefinitionSuspensionStateById(String jobDefinitionId, SuspensionState state) {
            clear();
            super.updateJobDefinitionSuspensionStateById(jobDefinitionId, state);
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionId(
                String processDefinitionId, SuspensionState state) {
            clear();
            super.updateJobDefinitionSuspensionStateByProcessDefinitionId(processDefinitionId, state);
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionKey(
                String processDefinitionKey, SuspensionState state) {
            clear();
            super.updateJobDefinitionSuspensionStateByProcessDefinitionKey(processDefinitionKey, state);
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionKeyAndTenantId(
                String processDefinitionKey, String tenantId, SuspensionState state) {
            clear();
            super.updateJobDefinitionSuspensionStateByProcessDefinitionKeyAndTenantId(
                    processDefinitionKey, tenantId, state);
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
}
