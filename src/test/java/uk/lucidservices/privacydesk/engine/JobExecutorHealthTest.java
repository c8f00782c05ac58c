package uk.lucidservices.privacydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

class JobExecutorHealthTest extends DeskIntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void aNodeThatShouldRunJobsButDoesNotIsDown() {
        // The suite's engine has its job executor stopped; this node claims job execution is on.
        CamundaBpmProperties jobsOn = new CamundaBpmProperties();
        jobsOn.getJobExecution().setEnabled(true);
        Health health = new JobExecutorHealth(engine, jobsOn).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("enabled", true).containsEntry("active", false);
    }

    @Test
    void aNodeWithJobExecutionSwitchedOffOnPurposeIsUpAndSaysSo() {
        CamundaBpmProperties jobsOff = new CamundaBpmProperties();
        jobsOff.getJobExecution().setEnabled(false);
        Health health = new JobExecutorHealth(engine, jobsOff).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("enabled", false).containsKey("failedJobs");
    }
}
