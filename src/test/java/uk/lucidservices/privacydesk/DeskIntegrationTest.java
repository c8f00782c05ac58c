package uk.lucidservices.privacydesk;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/**
 * Base of every test that needs the desk running: the real engine on a real PostgreSQL.
 * All subclasses share one Spring context and one database, so keep the annotations here.
 * Time is {@link TestClock}'s: the desk and the engine both run on 15 June 2026.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestClock.Configuration.class)
public abstract class DeskIntegrationTest {

    static {
        // Before the engine starts: what it dates at start-up is on the suite's clock too.
        TestClock.resetEngineClock();
    }

    @Autowired
    private ManagementService jobs;

    /** A test that moved the engine's clock to fire a timer leaves the next one on the suite's. */
    @BeforeEach
    void engineOnTheSuitesClock() {
        TestClock.resetEngineClock();
    }

    /**
     * Runs the jobs of one process instance that are due now, as the job executor would (it is off
     * in tests), until none is left; jobs of other instances, such as its SLA clocks, are left alone.
     */
    protected void runDueJobs(String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = jobs.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> jobs.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs of process instance " + processInstanceId + " keep coming");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::smtpPort);
        registry.add("desk.intake.mailbox.host", () -> "127.0.0.1");
        registry.add("desk.intake.mailbox.port", TestMailServer::imapPort);
    }
}
