package uk.lucidservices.privacydesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form (Cockpit, Tasklist, Admin) posts to
 * {@code <webapp path>/api/admin/auth/user/<engine>/login/<app>}, which answers 401 to a wrong
 * password: the same per-address throttle as HTTP Basic applies before it checks the password.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    WebappLoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /**
     * Every POST under the registered pattern, not only paths that read "/login/": the webapps'
     * REST layer decodes the path again, so {@code log%69n} would reach the login and pass a
     * string test. Logout is the only other POST there, and counts nothing.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitBeforeNextAttempt(address);
        if (wait.isPresent()) {
            LoginThrottle.refuse(response, wait.get());
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(address);
        }
    }
}
