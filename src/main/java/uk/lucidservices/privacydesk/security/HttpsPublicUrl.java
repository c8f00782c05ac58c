package uk.lucidservices.privacydesk.security;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Behind an https public address (desk.public-url) every session and CSRF cookie is Secure and
 * responses carry HSTS ({@link StrictTransportSecurityFilter}). Added as defaults, so an explicit
 * setting still wins.
 */
public class HttpsPublicUrl implements EnvironmentPostProcessor, Ordered {

    static final String HSTS_ENABLED = "desk.security.hsts.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.getProperty("desk.public-url", "").trim().startsWith("https://")) {
            env.getPropertySources()
                    .addLast(new MapPropertySource(
                            "deskHttpsPublicUrl",
                            Map.of(
                                    "server.servlet.session.cookie.secure",
                                    "true",
                                    "camunda.bpm.webapp.session-cookie.enable-secure-cookie",
                                    "true",
                                    "camunda.bpm.webapp.csrf.enable-secure-cookie",
                                    "true",
                                    HSTS_ENABLED,
                                    "true")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
