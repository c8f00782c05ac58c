package uk.lucidservices.privacydesk.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Outside the demo profile the desk refuses to start with a default password or demo users,
 * and says which setting to change. Runs before anything is created.
 */
public class DefaultPasswordGuard implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULT_ADMIN_PASSWORD = "admin";
    /** The demo profile's admin password (application-demo.yml), written in the README. */
    static final String DEMO_ADMIN_PASSWORD = "Lucid-Demo-2468";
    /** The demo profile's suppression-list secret (application-demo.yml); public knowledge, so never for real data. */
    static final String DEMO_SUPPRESSION_SECRET = "demo-suppression-secret-not-for-production";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        List<String> problems = problems(env);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Privacy Desk will not start outside the demo profile with default credentials: "
                    + String.join("; ", problems));
        }
    }

    static List<String> problems(ConfigurableEnvironment env) {
        List<String> problems = new ArrayList<>();
        if (env.acceptsProfiles(Profiles.of("demo"))) {
            return problems;
        }
        String admin = env.getProperty("camunda.bpm.admin-user.password");
        if (admin == null || admin.isBlank() || DEFAULT_ADMIN_PASSWORD.equals(admin)
                || DEMO_ADMIN_PASSWORD.equals(admin)) {
            problems.add("set DESK_ADMIN_PASSWORD (camunda.bpm.admin-user.password) to a password of your own");
        }
        String suppression = env.getProperty("desk.suppression.hmac-secret");
        if (suppression == null || suppression.isBlank() || DEMO_SUPPRESSION_SECRET.equals(suppression)) {
            problems.add("set DESK_SUPPRESSION_SECRET (desk.suppression.hmac-secret) to a long random secret of your own");
        }
        if (env.getProperty("desk.demo.users", Boolean.class, false)) {
            problems.add("demo users are switched on: set desk.demo.users=false");
        }
        return problems;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
