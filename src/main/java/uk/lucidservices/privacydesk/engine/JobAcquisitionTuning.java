package uk.lucidservices.privacydesk.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps job acquisition fast when the job table is large. Every open request holds four SLA
 * timers due weeks ahead, so the table grows with the number of open requests while only a few
 * jobs are due at any moment. Camunda's acquisition query, as shipped, allows a null due date
 * and has no due-date index, so PostgreSQL reads the whole table on every poll (36 ms with
 * 22,000 timers, and growing with the table; see the README's benchmark). Here every job gets a
 * due date, jobs are acquired oldest due first, and an index on the due date lets the query read
 * only the due ones.
 */
@Component
class JobAcquisitionTuning extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionTuning.class);

    static final String INDEX = "DESK_IDX_JOB_DUEDATE";
    static final String LOCKED_INDEX = "DESK_IDX_JOB_LOCKED";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Without a null due date the query's "DUEDATE_ is null or" falls away and the index can be used.
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setJobExecutorAcquireByDueDate(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        // The engine has created or updated its tables by now (schema-update), so the index has a table to go on.
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        jdbc.execute("CREATE INDEX IF NOT EXISTS " + INDEX + " ON " + prefix + "ACT_RU_JOB (DUEDATE_)");
        if ("postgres".equals(configuration.getDatabaseType())) {
            // The query skips jobs whose process instance has a job in progress (exclusive jobs). PostgreSQL
            // answers that "not exists" by hashing every locked job, and found them by reading the whole
            // table: 540 ms per poll with 1,100,000 jobs. Only running jobs are locked, so an index on just
            // those rows is tiny, and the poll took 0.2 ms. (H2, the demo database, has no partial indexes
            // and no such tables.)
            jdbc.execute("CREATE INDEX IF NOT EXISTS " + LOCKED_INDEX + " ON " + prefix
                    + "ACT_RU_JOB (PROCESS_INSTANCE_ID_) WHERE LOCK_OWNER_ IS NOT NULL");
        }
        // Jobs written before due dates were always set would never be acquired again: they are due now.
        int updated = jdbc.update("UPDATE " + prefix
                + "ACT_RU_JOB SET DUEDATE_ = COALESCE(CREATE_TIME_, CURRENT_TIMESTAMP) WHERE DUEDATE_ IS NULL");
        if (updated > 0) {
            log.info(
                    "Gave {} waiting job(s) without a due date the time they were created, so the job executor acquires them",
                    updated);
        }
    }
}
