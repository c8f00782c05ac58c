package uk.lucidservices.privacydesk.security;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionSecretGuardTest {

    private static StandardEnvironment environment(String profile, Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.setActiveProfiles(profile);
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return env;
    }

    private static Map<String, Object> ownSecrets() {
        Map<String, Object> p = new HashMap<>();
        p.put("camunda.bpm.admin-user.password", "a-long-admin-password");
        p.put("desk.suppression.hmac-secret", "a-long-random-suppression-secret");
        return p;
    }

    @Test
    void outsideTheDemoTheDemoSuppressionSecretIsRefused() {
        Map<String, Object> p = ownSecrets();
        p.put("desk.suppression.hmac-secret", DefaultPasswordGuard.DEMO_SUPPRESSION_SECRET);
        List<String> problems = DefaultPasswordGuard.problems(environment("prod", p));
        assertThat(problems).singleElement().asString().contains("DESK_SUPPRESSION_SECRET");
    }

    @Test
    void outsideTheDemoAMissingSuppressionSecretIsRefused() {
        Map<String, Object> p = ownSecrets();
        p.remove("desk.suppression.hmac-secret");
        assertThat(DefaultPasswordGuard.problems(environment("prod", p))).singleElement().asString()
                .contains("desk.suppression.hmac-secret");
    }

    @Test
    void ownSecretsPass() {
        assertThat(DefaultPasswordGuard.problems(environment("prod", ownSecrets()))).isEmpty();
    }

    @Test
    void theDemoProfileMayUseTheDemoSecret() {
        Map<String, Object> p = ownSecrets();
        p.put("desk.suppression.hmac-secret", DefaultPasswordGuard.DEMO_SUPPRESSION_SECRET);
        assertThat(DefaultPasswordGuard.problems(environment("demo", p))).isEmpty();
    }
}
