package uk.lucidservices.privacydesk.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job executor against a large job table: a million future SLA timers in place, then a
 * hundred thousand due timers (bench/due-timer.bpmn: timer, then end) drained by the job executor
 * as configured for production. The future timers are the started requests' real SLA timers plus
 * SQL copies of them (ids "bench-clone-n", due over the next year): starting a million requests
 * through the engine would take hours here, and for acquisition only the rows matter.
 */
final class TimerDrain {

    static final String DUE_PROCESS = "bench-due-timer";
    private static final String CLONE_PREFIX = "bench-clone-";

    record Result(
            long futureTimers,
            long clonedTimers,
            double createSeconds,
            long due,
            double drainSeconds,
            long[] acquisitionNanos,
            SqlCounter.Counts counts) {
        double jobsPerSecond() {
            return due / drainSeconds;
        }
    }

    /**
     * A drain by one or more job executors (nodes on one database). {@code firedTwice}: instances
     * whose timer fired more than once (history: more than one wait entered after it), so a job that
     * two executors both ran to a commit.
     */
    record Drain(int executors, long due, double seconds, long fired, long firedTwice, long left) {
        double jobsPerSecond() {
            return due / seconds;
        }
    }

    private static final String AFTER_TIMER = "Event_BenchRequestClosed";

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    TimerDrain(ProcessEngine engine, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    Result run(int futureTimers, int dueJobs) throws Exception {
        long real = futureTimerCount();
        long cloned = Math.max(0, futureTimers - real);
        cloneFutureTimers(cloned);

        engine.getRepositoryService()
                .createDeployment()
                .name("benchmark")
                .addClasspathResource("bench/due-timer.bpmn")
                .deploy();
        long t0 = System.nanoTime();
        startDueTimers(dueJobs);
        double createSeconds = (System.nanoTime() - t0) / 1e9;
        // The started requests' acknowledgement steps (and the minimal starts' steps) are due too; they
        // are held so that only the timers are drained (letters would measure the mail server instead).
        for (String key : new String[] {"subject-access-request", RequestStarts.MINIMAL_PROCESS}) {
            engine.getManagementService()
                    .updateJobSuspensionState()
                    .byProcessDefinitionKey(key)
                    .suspend();
        }
        jdbc.execute("VACUUM ANALYZE ACT_RU_JOB");

        JobExecutor executor =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        SqlCounter.INSTANCE.reset();
        long start = System.nanoTime();
        executor.start();
        try {
            // An indexed "any left?" every 250 ms: the watching must not load the database it measures.
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> !anyDueLeft());
        } catch (ConditionTimeoutException e) {
            // Reported below with the number left.
        } finally {
            executor.shutdown();
        }
        long left = dueLeft();
        double drainSeconds = (System.nanoTime() - start) / 1e9;
        long[] acquisitions = SqlCounter.INSTANCE.acquisitionNanos();
        SqlCounter.Counts counts = SqlCounter.INSTANCE.counts();
        if (left > 0) {
            throw new IllegalStateException(left + " due timers were still waiting after 30 minutes");
        }
        long future = futureTimerCount();
        jdbc.update("DELETE FROM ACT_RU_JOB WHERE ID_ LIKE ?", CLONE_PREFIX + "%");
        return new Result(future, cloned, createSeconds, dueJobs, drainSeconds, acquisitions, counts);
    }

    /**
     * {@code dueJobs} due timers started with every executor off, then drained by {@code executors}
     * together (the job executors of several desks on this database, or one), each as configured.
     */
    Drain drain(int dueJobs, List<JobExecutor> executors) throws Exception {
        engine.getRepositoryService()
                .createDeployment()
                .name("benchmark")
                .addClasspathResource("bench/due-timer.bpmn")
                .enableDuplicateFiltering(false)
                .deploy();
        startDueTimers(dueJobs);
        holdOtherJobs();
        jdbc.execute("ANALYZE ACT_RU_JOB");
        long firedBefore = fired();
        long start = System.nanoTime();
        executors.forEach(JobExecutor::start);
        try {
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> !anyDueLeft());
        } catch (ConditionTimeoutException e) {
            // Reported with the number left.
        } finally {
            executors.forEach(JobExecutor::shutdown);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long firedTwice = jdbc.queryForObject("""
                SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST WHERE ACT_ID_ = ?
                GROUP BY PROC_INST_ID_ HAVING COUNT(*) > 1) t""", Long.class, AFTER_TIMER);
        return new Drain(executors.size(), dueJobs, seconds, fired() - firedBefore, firedTwice, dueLeft());
    }

    /** Timers fired so far: the waits entered after them, as history records them. */
    private long fired() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = ?", Long.class, AFTER_TIMER);
    }

    /**
     * The requests' acknowledgement steps and queued letters (and the minimal starts' steps) are due
     * too; they are held so that only the timers are drained (letters would measure the mail server).
     */
    private void holdOtherJobs() {
        for (String key : new String[] {"subject-access-request", "desk-letter", RequestStarts.MINIMAL_PROCESS}) {
            if (engine.getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionKey(key)
                            .count()
                    > 0) {
                engine.getManagementService()
                        .updateJobSuspensionState()
                        .byProcessDefinitionKey(key)
                        .suspend();
            }
        }
    }

    long dueLeft() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM ACT_RU_JOB WHERE JOB_DEF_ID_ = ?", Long.class, dueJobDefinition());
    }

    private boolean anyDueLeft() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM ACT_RU_JOB WHERE JOB_DEF_ID_ = ?)", Boolean.class, dueJobDefinition()));
    }

    private String dueJobDefinition() {
        return engine.getManagementService()
                .createJobDefinitionQuery()
                .processDefinitionKey(DUE_PROCESS)
                .singleResult()
                .getId();
    }

    private long futureTimerCount() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer' AND DUEDATE_ > now()", Long.class);
    }

    private void cloneFutureTimers(long count) {
        long real = futureTimerCount();
        if (count <= 0 || real == 0) {
            return;
        }
        // Copies of the real timers, round robin, due at spread times over the next 365 days.
        jdbc.update("""
                INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, EXECUTION_ID_, ROOT_PROC_INST_ID_, PROCESS_INSTANCE_ID_,
                    PROCESS_DEF_ID_, PROCESS_DEF_KEY_, RETRIES_, DUEDATE_, REPEAT_OFFSET_, HANDLER_TYPE_, HANDLER_CFG_,
                    DEPLOYMENT_ID_, SUSPENSION_STATE_, JOB_DEF_ID_, PRIORITY_, SEQUENCE_COUNTER_, TENANT_ID_, CREATE_TIME_)
                SELECT ? || g.n, 1, t.TYPE_, t.EXCLUSIVE_, t.EXECUTION_ID_, t.ROOT_PROC_INST_ID_, t.PROCESS_INSTANCE_ID_,
                    t.PROCESS_DEF_ID_, t.PROCESS_DEF_KEY_, t.RETRIES_,
                    now() + interval '1 day' + (g.n % 525600) * interval '1 minute', 0, t.HANDLER_TYPE_, t.HANDLER_CFG_,
                    t.DEPLOYMENT_ID_, 1, t.JOB_DEF_ID_, t.PRIORITY_, 1, t.TENANT_ID_, now()
                FROM generate_series(1, ?) AS g(n)
                JOIN (SELECT j.*, row_number() OVER (ORDER BY j.ID_) - 1 AS k
                      FROM ACT_RU_JOB j WHERE j.TYPE_ = 'timer' AND j.DUEDATE_ > now()) t ON t.k = g.n % ?""", CLONE_PREFIX, count, real);
    }

    /** Starts the due timers with the executor off: 4 clients, 100 starts per transaction. */
    private void startDueTimers(int count) throws Exception {
        int clients = 4;
        int perTransaction = 100;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int done = 0; done < count; done += perTransaction) {
            int batch = Math.min(perTransaction, count - done);
            futures.add(pool.submit(() -> transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    engine.getRuntimeService().startProcessInstanceByKey(DUE_PROCESS);
                }
            })));
        }
        pool.shutdown();
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.MINUTES);
        }
    }
}
