package uk.lucidservices.privacydesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the webapps' CSP nonce to the request it was made for. Camunda 7.24's header filter makes a
 * fresh nonce for every webapp request and stores it as a <em>servlet context</em> attribute
 * ({@code org.camunda.bpm.csp.nonce}), from which the filter that writes an app's index page reads
 * it back a moment later. Any other webapp request in between (Tasklist's own XHRs, a second tab)
 * overwrites it, so the page's scripts carry another response's nonce, the browser refuses them
 * all, and Tasklist stays a bare spinner until reloaded. Both filters ask the request for its
 * servlet context; here each request gets a view of the context in which that one attribute lives
 * on the request (Operaton fixed the same race by scoping the nonce to the request).
 */
class WebappNonceScope extends OncePerRequestFilter {

    static final String NONCE = "org.camunda.bpm.csp.nonce";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServletContext shared = request.getServletContext();
        ServletContext scoped = (ServletContext) Proxy.newProxyInstance(
                ServletContext.class.getClassLoader(), new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    boolean nonce = args != null && args.length > 0 && NONCE.equals(args[0]);
                    if (nonce && method.getName().equals("getAttribute")) {
                        return request.getAttribute(NONCE);
                    }
                    if (nonce && method.getName().equals("setAttribute")) {
                        request.setAttribute(NONCE, args[1]);
                        return null;
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public ServletContext getServletContext() {
                        return scoped;
                    }
                },
                response);
    }

    @Configuration
    static class Registration {

        /** Before Camunda's webapp filters, on the webapps' paths only. */
        @Bean
        FilterRegistrationBean<WebappNonceScope> webappNonceScope(
                @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
            FilterRegistrationBean<WebappNonceScope> registration =
                    new FilterRegistrationBean<>(new WebappNonceScope());
            registration.setName("desk-webapp-nonce-scope");
            registration.addUrlPatterns(webappPath + "/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
