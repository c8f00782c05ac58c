package uk.lucidservices.privacydesk.engine;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The job executor in /actuator/health (component "jobExecutor"): it runs every timer, letter and
 * SLA clock, so a manager needs to see that it runs and how many jobs have failed for good.
 * It replaces the starter's indicator of the same name, which exists only where the job executor
 * is switched on: a node with job execution switched off on purpose (camunda.bpm.job-execution.enabled,
 * a web-only node of a cluster, or the tests) is UP and says so; one that should run jobs and does not is DOWN.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth extends AbstractHealthIndicator {

    private final ProcessEngine engine;
    private final CamundaBpmProperties properties;

    JobExecutorHealth(ProcessEngine engine, CamundaBpmProperties properties) {
        this.engine = engine;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JobExecutor executor =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean enabled = properties.getJobExecution().isEnabled();
        boolean active = executor != null && executor.isActive();
        health.status(active || !enabled ? Status.UP : Status.DOWN)
                .withDetail("enabled", enabled)
                .withDetail("active", active);
        if (executor != null) {
            health.withDetail("lockOwner", executor.getLockOwner())
                    .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition())
                    .withDetail("waitTimeInMillis", executor.getWaitTimeInMillis())
                    .withDetail("lockTimeInMillis", executor.getLockTimeInMillis());
        }
        ManagementService jobs = engine.getManagementService();
        // Jobs whose retries ran out: each is an incident a person must look at (Cockpit lists them).
        health.withDetail("failedJobs", jobs.createJobQuery().noRetriesLeft().count());
    }
}
