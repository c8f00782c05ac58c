package uk.lucidservices.privacydesk.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ApiSecurityConfiguration {

    /** The engine's REST API and the desk's own API both answer 401 without credentials. */
    @Bean
    public FilterRegistrationBean<BasicAuthenticationFilter> apiAuthentication(IdentityService identityService) {
        FilterRegistrationBean<BasicAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new BasicAuthenticationFilter(identityService));
        registration.setName("desk-api-authentication");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/prometheus", "/actuator/metrics/*",
                "/actuator/metrics");
        registration.setOrder(1);
        return registration;
    }
}
