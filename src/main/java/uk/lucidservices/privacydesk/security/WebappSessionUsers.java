package uk.lucidservices.privacydesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The user signed in to the Camunda webapps (Cockpit, Tasklist) in this browser session, for
 * reading the desk's API from the webapps (the Cockpit SLA dashboard, the embedded Tasklist forms,
 * links from forms to the case) without a second login. Reads (GET, HEAD) on the session paths
 * pass. A change passes only on the few write paths a form needs (an officer accepting or
 * rejecting an identifier in the identity form), and only with the webapps' own CSRF token: the
 * {@code X-XSRF-TOKEN} header must equal the token Camunda's CSRF filter keeps in the session (the
 * page reads it from the {@code XSRF-TOKEN} cookie, which another site's page cannot). A user
 * deleted since signing in is not accepted.
 */
class WebappSessionUsers {

    private final IdentityService identityService;
    private final String engineName;
    private final List<String> pathPrefixes;
    private final List<Pattern> writePaths;

    public WebappSessionUsers(
            IdentityService identityService, String engineName, List<String> pathPrefixes, List<Pattern> writePaths) {
        this.identityService = identityService;
        this.engineName = engineName;
        this.pathPrefixes = List.copyOf(pathPrefixes);
        this.writePaths = List.copyOf(writePaths);
    }

    public Optional<String> userId(HttpServletRequest request) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        boolean write = "POST".equals(request.getMethod()) && onWritePath(request);
        if (!(read && onSessionPath(request)) && !write) {
            return Optional.empty();
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        if (write && !carriesTheSessionsCsrfToken(request, session)) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
        if (!(authentication instanceof UserAuthentication user) || user.getIdentityId() == null) {
            return Optional.empty();
        }
        String userId = user.getIdentityId();
        return identityService.createUserQuery().userId(userId).count() == 1 ? Optional.of(userId) : Optional.empty();
    }

    private boolean onSessionPath(HttpServletRequest request) {
        return pathPrefixes.stream().anyMatch(path(request)::startsWith);
    }

    private boolean onWritePath(HttpServletRequest request) {
        String path = path(request);
        return writePaths.stream().anyMatch(p -> p.matcher(path).matches());
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The header equals the token Camunda's CSRF filter keeps in the session (compared in constant time). */
    private static boolean carriesTheSessionsCsrfToken(HttpServletRequest request, HttpSession session) {
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        Object kept = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return sent != null
                && !sent.isBlank()
                && kept instanceof String token
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
