package uk.lucidservices.privacydesk.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins counted per client address, asked before a password is checked. The engine's own
 * lock counts failures per user, so anyone who knows a user name could lock that user out; here a
 * caller only uses up its own address's allowance and the right password still works from anywhere
 * else. A correct login costs nothing. One token bucket per address (Bucket4j), refilled in full
 * once per period (so "attempts per period" is exactly what a caller gets), kept in memory:
 * each node counts its own, and the newest 10,000 addresses are remembered.
 */
final class LoginThrottle {

    private static final int ADDRESSES_KEPT = 10_000;

    private final int attempts;
    private final Duration period;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > ADDRESSES_KEPT;
        }
    });

    LoginThrottle(LoginProperties.Throttle settings) {
        this.attempts = settings.attempts();
        this.period = settings.period();
    }

    /** How long the address must wait before its next login attempt, if its failures are used up. */
    Optional<Duration> waitBeforeNextAttempt(String address) {
        EstimationProbe probe = bucket(address).estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    void failed(String address) {
        bucket(address).tryConsume(1);
    }

    private Bucket bucket(String address) {
        return buckets.computeIfAbsent(client(address), a -> Bucket.builder()
                .addLimit(limit -> limit.capacity(attempts).refillIntervally(attempts, period))
                .build());
    }

    /**
     * Who counts as one caller: an IPv4 address, or an IPv6 /64 (one subscriber's network: anyone
     * holding one could otherwise take a fresh address for every ten guesses).
     */
    static String client(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal: parsed, never looked up.
            byte[] bytes = InetAddress.getByName(address.replaceAll("^\\[|\\]$|%.*$", ""))
                    .getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return "v6:" + HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** 429 with Retry-After in whole seconds (at least one). */
    static void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/json");
        response.getWriter()
                .write("{\"error\":\"too_many_requests\",\"message\":\"Too many failed logins from this address;"
                        + " try again in " + seconds + " seconds\"}");
    }
}
