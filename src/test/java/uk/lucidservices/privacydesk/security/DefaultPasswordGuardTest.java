package uk.lucidservices.privacydesk.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultPasswordGuardTest {

    private static StandardEnvironment environment(String profile, Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        if (profile != null) {
            env.setActiveProfiles(profile);
        }
        return env;
    }

    @Test
    void productionWithTheDefaultAdminPasswordRefusesToStartAndSaysWhichSetting() {
        var env = environment("prod", Map.of("camunda.bpm.admin-user.password", "admin", "desk.demo.users", "false"));
        assertThatThrownBy(() -> new DefaultPasswordGuard().postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DESK_ADMIN_PASSWORD");
    }

    @Test
    void productionWithDemoUsersRefusesToStart() {
        var env = environment("prod", Map.of("camunda.bpm.admin-user.password", "a-long-secret", "desk.demo.users", "true",
                "desk.suppression.hmac-secret", "a-long-random-suppression-secret"));
        assertThat(DefaultPasswordGuard.problems(env)).containsExactly("demo users are switched on: set desk.demo.users=false");
    }

    @Test
    void productionWithItsOwnPasswordStarts() {
        var env = environment("prod", Map.of("camunda.bpm.admin-user.password", "a-long-secret", "desk.demo.users", "false",
                "desk.suppression.hmac-secret", "a-long-random-suppression-secret"));
        assertThatCode(() -> new DefaultPasswordGuard().postProcessEnvironment(env, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void theDemoProfileMayUseDefaults() {
        var env = environment(null, Map.of("camunda.bpm.admin-user.password", "admin", "desk.demo.users", "true"));
        env.setDefaultProfiles("demo");
        assertThat(DefaultPasswordGuard.problems(env)).isEmpty();
    }
}
