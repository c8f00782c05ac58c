package uk.lucidservices.privacydesk.records.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.security.DemoProperties;

/** Generates demo data at start-up in the demo profile. */
@Component
@ConditionalOnProperty(name = "desk.demo.data.enabled", havingValue = "true")
class DemoDataRunner {

    private final DemoDataGenerator generator;
    private final int people;
    private final long seed;

    public DemoDataRunner(DemoDataGenerator generator, DemoProperties demo) {
        this.generator = generator;
        this.people = demo.data().people();
        this.seed = demo.data().seed();
    }

    @EventListener(ApplicationStartedEvent.class)
    public void generate() {
        generator.generate(people, seed);
    }
}
