package uk.lucidservices.privacydesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against Camunda's identity service for {@code /engine-rest} and {@code /api}.
 * The engine's authorization checks then apply to the signed-in user, as in the webapps.
 * Without Basic credentials, a Camunda webapp session is accepted where {@link WebappSessionUsers}
 * allows it (reading the desk's API from the webapps and from links in forms).
 * Failed logins are throttled per client address before the password is checked ({@link LoginThrottle}).
 * <p>
 * A 401 never carries a {@code WWW-Authenticate} challenge: the callers of these APIs are scripts
 * that send their credentials with the request. A challenge would only make a browser show its
 * login box and then remember the password and send it with every later request to the desk,
 * including requests another site's page makes it send.
 */
class BasicAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final WebappSessionUsers sessionUsers;
    private final LoginThrottle throttle;
    private final boolean anonymousPasses;

    BasicAuthenticationFilter(
            IdentityService identityService, WebappSessionUsers sessionUsers, LoginThrottle throttle) {
        this(identityService, sessionUsers, throttle, false);
    }

    /**
     * @param anonymousPasses a caller without credentials (or webapp session) passes unsigned-in, as
     *     orchestrators' health probes do; wrong credentials are still refused
     */
    BasicAuthenticationFilter(
            IdentityService identityService,
            WebappSessionUsers sessionUsers,
            LoginThrottle throttle,
            boolean anonymousPasses) {
        this.identityService = identityService;
        this.sessionUsers = sessionUsers;
        this.throttle = throttle;
        this.anonymousPasses = anonymousPasses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String userId;
        if (header == null) {
            userId = sessionUsers.userId(request).orElse(null);
        } else {
            Optional<Duration> wait = throttle.waitBeforeNextAttempt(request.getRemoteAddr());
            if (wait.isPresent()) {
                LoginThrottle.refuse(response, wait.get());
                return;
            }
            userId = basicUser(header);
            if (userId == null) {
                throttle.failed(request.getRemoteAddr());
            }
        }
        if (userId == null && header == null && anonymousPasses) {
            chain.doFilter(request, response);
            return;
        }
        if (userId == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter()
                    .write(
                            "{\"error\":\"unauthorized\",\"message\":\"Sign in with your desk user name and password (HTTP Basic)\"}");
            return;
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).list().stream()
                .map(Tenant::getId)
                .toList();
        try {
            identityService.setAuthentication(userId, groups, tenants);
            chain.doFilter(new SignedInRequest(request, userId, groups), response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String basicUser(String header) {
        String[] credentials = credentials(header);
        return credentials != null && checkPassword(credentials[0], credentials[1]) ? credentials[0] : null;
    }

    private boolean checkPassword(String user, String password) {
        try {
            return identityService.checkPassword(user, password);
        } catch (RuntimeException lockedOrUnknown) {
            return false;
        }
    }

    private static String[] credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return null;
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    /**
     * The request as the servlet API sees a signed-in caller: its user as principal and its groups as
     * roles, which is how Spring Boot's actuator decides who sees health details (management.endpoint.health.roles).
     */
    private static final class SignedInRequest extends HttpServletRequestWrapper {

        private final Principal user;
        private final List<String> groups;

        SignedInRequest(HttpServletRequest request, String userId, List<String> groups) {
            super(request);
            this.user = () -> userId;
            this.groups = groups;
        }

        @Override
        public Principal getUserPrincipal() {
            return user;
        }

        @Override
        public String getRemoteUser() {
            return user.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            return groups.contains(role);
        }
    }
}
