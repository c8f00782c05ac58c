package uk.lucidservices.privacydesk.request;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClockConfiguration {

    /** Lucid's clocks run on UK time: a request received at 23:30 on the 31st was received on the 31st. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    @Bean
    public Clock clock() {
        return Clock.system(UK);
    }
}
