package uk.lucidservices.privacydesk.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How the desk guards logins ({@code desk.login.*}; the README's security section explains them). */
@ConfigurationProperties("desk.login")
record LoginProperties(Throttle throttle, int passwordHashIterations) {

    /** Failed logins allowed per client address: {@code attempts} per {@code period}. */
    public record Throttle(int attempts, Duration period) {}
}
