package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void oneIpv6SubscriberNetworkIsOneCallerSoFreshAddressesGainNothing() {
        LoginThrottle throttle = new LoginThrottle(new LoginProperties.Throttle(3, Duration.ofMinutes(5)));
        for (int i = 1; i <= 3; i++) {
            throttle.failed("2001:db8:1:2::" + i);
        }

        assertThat(throttle.waitBeforeNextAttempt("2001:db8:1:2:ffff::9"))
                .as("same /64")
                .isPresent();
        assertThat(throttle.waitBeforeNextAttempt("[2001:0db8:0001:0002::a]"))
                .as("written another way")
                .isPresent();
        assertThat(throttle.waitBeforeNextAttempt("2001:db8:1:3::1"))
                .as("the next /64")
                .isEmpty();
    }

    @Test
    void anIpv4AddressIsItsOwnCaller() {
        LoginThrottle throttle = new LoginThrottle(new LoginProperties.Throttle(2, Duration.ofMinutes(5)));
        throttle.failed("192.0.2.10");
        throttle.failed("192.0.2.10");

        assertThat(throttle.waitBeforeNextAttempt("192.0.2.10")).isPresent();
        assertThat(throttle.waitBeforeNextAttempt("192.0.2.11")).isEmpty();
        assertThat(LoginThrottle.client("192.0.2.10")).isEqualTo("192.0.2.10");
        assertThat(LoginThrottle.client("2001:db8:1:2::7")).isEqualTo("v6:20010db800010002::/64");
    }
}
