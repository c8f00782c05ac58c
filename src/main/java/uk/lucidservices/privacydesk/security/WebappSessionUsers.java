package uk.lucidservices.privacydesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The user signed in to the Camunda webapps (Cockpit, Tasklist) in this browser session, for
 * reading the desk's API from the webapps (the Cockpit SLA dashboard, links from forms to the
 * case) without a second login. Reads only: safe methods
 * (GET, HEAD) pass, so a session can never be used to change anything through the desk's API,
 * which has no CSRF protection of its own. A user deleted since signing in is not accepted.
 */
class WebappSessionUsers {

    private final IdentityService identityService;
    private final String engineName;
    private final List<String> pathPrefixes;

    public WebappSessionUsers(IdentityService identityService, String engineName, List<String> pathPrefixes) {
        this.identityService = identityService;
        this.engineName = engineName;
        this.pathPrefixes = List.copyOf(pathPrefixes);
    }

    public Optional<String> userId(HttpServletRequest request) {
        if (!("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) || !onSessionPath(request)) {
            return Optional.empty();
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
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
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return pathPrefixes.stream().anyMatch(path::startsWith);
    }
}
