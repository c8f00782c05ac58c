package uk.lucidservices.privacydesk.security;

import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.lucidservices.privacydesk.DeskProperties;

@Configuration
class ApiSecurityConfiguration {

    /**
     * Desk API paths a user signed in to the webapps may read with the webapp session: the SLA
     * dashboard in Cockpit, the embedded forms and links from them to the case, without a second
     * login. Reads only ({@link WebappSessionUsers}); changes need HTTP Basic, but for
     * {@link #WEBAPP_SESSION_WRITES}.
     */
    static final List<String> WEBAPP_SESSION_PATHS = List.of("/api/");

    private static final String HEALTH_PATH = "/actuator/health";

    /**
     * The changes a Tasklist form may make with the webapp session and the webapps' CSRF token
     * ({@link WebappSessionUsers}): accepting or rejecting one identifier in the identity form, and
     * adding a copy of what a hand search found in the manual-search form, and recording an item
     * erased by hand (done, not possible, a file as evidence) in the erase-by-hand form. Everything else that
     * changes a case goes through completing the task, or HTTP Basic.
     */
    static final List<Pattern> WEBAPP_SESSION_WRITES = List.of(
            Pattern.compile("/api/requests/[A-Z]{3}-\\d{4}-\\d{6}/identifiers/\\d+/(accept|reject)"),
            Pattern.compile("/api/access-requests/SAR-\\d{4}-\\d{6}/manual-files/[a-z0-9-]+"),
            Pattern.compile("/api/erasure-requests/ERA-\\d{4}-\\d{6}/by-hand/[a-z0-9-]+/(done|not-possible|evidence)"));

    private static final String[] API_PATHS = {"/engine-rest/*", "/api/*"};

    @Bean
    LoginThrottle loginThrottle(LoginProperties properties) {
        return new LoginThrottle(properties.throttle());
    }

    /** First of all: a body larger than any the desk takes is refused (413) before it is read. */
    @Bean
    public FilterRegistrationBean<RequestBodyLimit> requestBodyLimit() {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit());
        registration.setName("desk-request-body-limit");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(-1);
        return registration;
    }

    /** Before anything else: a change another site's page asks a browser to make is refused (403). */
    @Bean
    public FilterRegistrationBean<SameOriginGuard> sameOriginGuard(DeskProperties desk) {
        FilterRegistrationBean<SameOriginGuard> registration =
                new FilterRegistrationBean<>(new SameOriginGuard(desk.publicUrl()));
        registration.setName("desk-same-origin-guard");
        registration.addUrlPatterns(API_PATHS);
        registration.setOrder(0);
        return registration;
    }

    /** The engine's REST API and the desk's own API both answer 401 without credentials. */
    @Bean
    public FilterRegistrationBean<BasicAuthenticationFilter> apiAuthentication(
            IdentityService identityService, ProcessEngine processEngine, LoginThrottle throttle) {
        WebappSessionUsers sessionUsers = new WebappSessionUsers(
                identityService, processEngine.getName(), WEBAPP_SESSION_PATHS, WEBAPP_SESSION_WRITES);
        FilterRegistrationBean<BasicAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new BasicAuthenticationFilter(identityService, sessionUsers, throttle));
        registration.setName("desk-api-authentication");
        registration.addUrlPatterns(API_PATHS);
        registration.addUrlPatterns("/actuator/prometheus", "/actuator/metrics/*", "/actuator/metrics");
        registration.setOrder(1);
        return registration;
    }

    /**
     * Health answers everyone (orchestrators probe it without credentials) with its status only;
     * a caller who signs in (HTTP Basic, or the webapps' session) is known to the actuator, which shows
     * the components' details to the groups in management.endpoint.health.roles.
     */
    @Bean
    public FilterRegistrationBean<BasicAuthenticationFilter> healthViewer(
            IdentityService identityService, ProcessEngine processEngine, LoginThrottle throttle) {
        WebappSessionUsers sessionUsers =
                new WebappSessionUsers(identityService, processEngine.getName(), List.of(HEALTH_PATH), List.of());
        FilterRegistrationBean<BasicAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new BasicAuthenticationFilter(identityService, sessionUsers, throttle, true));
        registration.setName("desk-health-viewer");
        registration.addUrlPatterns(HEALTH_PATH, HEALTH_PATH + "/*");
        registration.setOrder(1);
        return registration;
    }

    /** The webapps' login form gets the same per-address throttle as HTTP Basic. */
    @Bean
    public FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottle(
            LoginThrottle throttle, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<WebappLoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle));
        registration.setName("desk-webapp-login-throttle");
        registration.addUrlPatterns(webappPath + "/api/admin/auth/user/*");
        registration.setOrder(0);
        return registration;
    }
}
