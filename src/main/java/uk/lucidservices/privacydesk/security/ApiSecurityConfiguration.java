package uk.lucidservices.privacydesk.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration
public class ApiSecurityConfiguration {

    /** Desk API paths a signed-in Cockpit user may read with the webapp session (the SLA dashboard plugin). */
    static final List<String> WEBAPP_SESSION_PATHS = List.of("/api/sla/");

    /** The engine's REST API and the desk's own API both answer 401 without credentials. */
    @Bean
    public FilterRegistrationBean<BasicAuthenticationFilter> apiAuthentication(IdentityService identityService,
                                                                             ProcessEngine processEngine) {
        WebappSessionUsers sessionUsers =
                new WebappSessionUsers(identityService, processEngine.getName(), WEBAPP_SESSION_PATHS);
        FilterRegistrationBean<BasicAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new BasicAuthenticationFilter(identityService, sessionUsers));
        registration.setName("desk-api-authentication");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/prometheus", "/actuator/metrics/*",
                "/actuator/metrics");
        registration.setOrder(1);
        return registration;
    }
}
