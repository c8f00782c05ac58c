package uk.lucidservices.privacydesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HSTS on every path (the desk API, download links and the Camunda webapps alike) when the desk
 * is published over https. Sent whatever the request's own scheme: a TLS proxy in front talks
 * plain HTTP to the desk, and browsers ignore the header on an http response anyway.
 */
class StrictTransportSecurityFilter extends OncePerRequestFilter {

    static final String HEADER = "Strict-Transport-Security";
    static final String VALUE = "max-age=31536000";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, VALUE);
        chain.doFilter(request, response);
    }

    @Configuration
    @ConditionalOnProperty(name = HttpsPublicUrl.HSTS_ENABLED, havingValue = "true")
    static class Registration {

        @Bean
        FilterRegistrationBean<StrictTransportSecurityFilter> strictTransportSecurity() {
            FilterRegistrationBean<StrictTransportSecurityFilter> registration =
                    new FilterRegistrationBean<>(new StrictTransportSecurityFilter());
            registration.setName("desk-strict-transport-security");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
