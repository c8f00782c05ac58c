package uk.lucidservices.privacydesk.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the desk guards logins ({@code desk.login.*}; the README's security section explains them).
 *
 * @param throttle               failed logins allowed per client address
 * @param passwordHashIterations PBKDF2-HMAC-SHA256 rounds for new and changed passwords (OWASP 2023:
 *                               600,000), stored with each hash (DESK_PASSWORD_HASH_ITERATIONS)
 */
@ConfigurationProperties("desk.login")
record LoginProperties(Throttle throttle, int passwordHashIterations) {

    /**
     * Failed logins (HTTP Basic and the webapps' login form) allowed per client address: {@code attempts}
     * per {@code period}. Beyond that: 429 with Retry-After until the period is over, and no password is
     * checked.
     *
     * @param attempts failed logins allowed per period (DESK_LOGIN_ATTEMPTS)
     * @param period   the period (DESK_LOGIN_PERIOD)
     */
    public record Throttle(int attempts, Duration period) {}
}
