package uk.lucidservices.privacydesk.records.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Generates demo data at start-up in the demo profile. */
@Component
@ConditionalOnProperty(name = "desk.demo.data.enabled", havingValue = "true")
class DemoDataRunner {

    private final DemoDataGenerator generator;
    private final int people;
    private final long seed;

    public DemoDataRunner(
            DemoDataGenerator generator,
            @Value("${desk.demo.data.people}") int people,
            @Value("${desk.demo.data.seed}") long seed) {
        this.generator = generator;
        this.people = people;
        this.seed = seed;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void generate() {
        generator.generate(people, seed);
    }
}
