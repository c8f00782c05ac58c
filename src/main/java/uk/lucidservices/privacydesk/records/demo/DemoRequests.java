package uk.lucidservices.privacydesk.records.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.DemoProperties;

/**
 * A handful of open requests for the demo, received on different days so that the SLA dashboard
 * shows green, amber and red (a breached internal target) at once. Only when the register is empty.
 */
@Component
@ConditionalOnProperty(name = "desk.demo.requests.enabled", havingValue = "true")
class DemoRequests {

    private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);

    private final RequestStarter starter;
    private final RequestRegister register;
    private final Clock clock;
    private final int people;

    public DemoRequests(RequestStarter starter, RequestRegister register, Clock clock, DemoProperties demo) {
        this.starter = starter;
        this.register = register;
        this.clock = clock;
        this.people = demo.data().people();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (!register.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        start(RequestType.SUBJECT_ACCESS, 0, now.minusDays(2));
        start(RequestType.SUBJECT_ACCESS, 10, now.minusDays(23));
        start(RequestType.ERASURE, 20, now.minusDays(5));
        start(RequestType.ERASURE, 30, now.minusDays(31));
        start(RequestType.COMPLAINT, 40, now.minusDays(1));
        start(RequestType.COMPLAINT, 50, now.minusDays(20));
        log.info("Demo requests started: 2 access, 2 erasure, 2 complaints");
    }

    private void start(RequestType type, int person, OffsetDateTime receivedAt) {
        DemoPerson p = DemoPeople.person(person % people);
        starter.start(NewRequest.builder(type, Channel.EMAIL)
                .name(p.name())
                .email(p.email())
                .phone(p.phone())
                .summary("Demo request")
                .receivedAt(receivedAt)
                .loggedBy("demo")
                .build());
    }
}
