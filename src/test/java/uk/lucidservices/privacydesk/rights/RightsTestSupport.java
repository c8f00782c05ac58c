package uk.lucidservices.privacydesk.rights;

import java.time.LocalTime;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.ProcessAssertions;
import uk.lucidservices.privacydesk.TestClock;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.records.demo.DemoDataGenerator;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * What the rights-request tests share: the engine for the assertions and the demo data (the same
 * size and seed as every other test), a request started as intake logs it, and a task worked as
 * Tasklist does. No annotations here: the Spring context stays the one every test shares.
 */
abstract class RightsTestSupport extends DeskIntegrationTest {

    @Autowired
    private RuntimeService rightsRuntime;

    @Autowired
    private RequestStarter rightsStarter;

    @Autowired
    private ProcessEngine rightsEngine;

    @Autowired
    private DemoDataGenerator rightsDemoData;

    @BeforeEach
    void engineAndData() {
        ProcessAssertions.init(rightsEngine);
        rightsDemoData.generate(TestPeople.DEMO_PEOPLE, TestPeople.DEMO_SEED);
    }

    /** A rights request received {@code daysAgo} days ago at noon UK time, started and acknowledged. */
    ProcessInstance start(RequestType type, String email, int daysAgo) {
        Request request = rightsStarter.start(NewRequest.builder(type, Channel.EMAIL)
                .name("Requester")
                .email(email)
                .summary("Logged by the test")
                .receivedAt(TestClock.today()
                        .minusDays(daysAgo)
                        .atTime(LocalTime.NOON)
                        .atZone(TestClock.START.getZone())
                        .toOffsetDateTime())
                .loggedBy("intake")
                .build());
        ProcessInstance pi = rightsRuntime
                .createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId())
                .singleResult();
        runJobs(pi);
        return pi;
    }

    /** Works a task as Tasklist does ({@link #claimAndComplete}), then runs the jobs that follow. */
    void work(ProcessInstance pi, String taskKey, String user, Map<String, Object> fields) {
        claimAndComplete(task(pi, taskKey), user, fields);
        runJobs(pi);
    }
}
