package uk.lucidservices.privacydesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * HTTP Basic against Camunda's identity service for {@code /engine-rest} and {@code /api}.
 * The engine's authorization checks then apply to the signed-in user, as in the webapps.
 * Without Basic credentials, a Camunda webapp session is accepted where {@link WebappSessionUsers}
 * allows it (reading the SLA dashboard's data from Cockpit).
 */
public class BasicAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final WebappSessionUsers sessionUsers;

    public BasicAuthenticationFilter(IdentityService identityService) {
        this(identityService, null);
    }

    public BasicAuthenticationFilter(IdentityService identityService, WebappSessionUsers sessionUsers) {
        this.identityService = identityService;
        this.sessionUsers = sessionUsers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = authenticatedUser(request);
        if (userId == null) {
            // A script in a webapp asks with X-Requested-With; without the challenge its browser shows no login box.
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Privacy Desk\"");
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"Sign in with your desk user name and password (HTTP Basic)\"}");
            return;
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).list().stream().map(Tenant::getId).toList();
        try {
            identityService.setAuthentication(userId, groups, tenants);
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String authenticatedUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null && sessionUsers != null) {
            return sessionUsers.userId(request).orElse(null);
        }
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
        return new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
