package uk.lucidservices.privacydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/** The job table stays quick to poll however many future SLA timers it holds. */
class JobAcquisitionTuningTest extends DeskIntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JobAcquisitionTuning tuning;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void jobsAreAcquiredByDueDateAndNeverWithoutOne() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    }

    @Test
    void theJobTableHasADueDateIndexAndAnIndexOfTheLockedJobsOnly() {
        String dueDate = jdbc.queryForObject(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'act_ru_job' AND indexname = ?",
                String.class,
                JobAcquisitionTuning.INDEX.toLowerCase());
        String locked = jdbc.queryForObject(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'act_ru_job' AND indexname = ?",
                String.class,
                JobAcquisitionTuning.LOCKED_INDEX.toLowerCase());

        assertThat(dueDate).contains("(duedate_)");
        assertThat(locked).contains("(process_instance_id_)").contains("WHERE (lock_owner_ IS NOT NULL)");
    }

    @Test
    void anAsynchronousStepIsDueAtOnceAndAJobLeftWithoutADueDateIsMadeDue() {
        Job job = asyncJob();
        assertThat(job.getDuedate()).as("due date of a new asynchronous step").isNotNull();

        jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL WHERE ID_ = ?", job.getId());
        tuning.postProcessEngineBuild(engine);

        Job fixed = engine.getManagementService()
                .createJobQuery()
                .jobId(job.getId())
                .singleResult();
        assertThat(fixed.getDuedate()).as("due date after the start-up check").isNotNull();
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .jobId(job.getId())
                        .executable()
                        .count())
                .isEqualTo(1);
    }

    private Job asyncJob() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("test-acquisition-async")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .camundaAsyncAfter()
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("test-acquisition-async.bpmn", model)
                .deploy();
        String instance = engine.getRuntimeService()
                .startProcessInstanceByKey("test-acquisition-async")
                .getId();
        return engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance)
                .singleResult();
    }
}
