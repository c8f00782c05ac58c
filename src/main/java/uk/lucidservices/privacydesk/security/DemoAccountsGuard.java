package uk.lucidservices.privacydesk.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo, a database that was once started in the demo still holds the demo users and
 * admin/admin, whatever the settings say now (the engine never changes an existing user). Once the
 * engine is built, before it takes any work, this refuses to go on while any of them is there.
 */
@Component
@Profile("!" + ProductionGuard.DEMO_PROFILE)
class DemoAccountsGuard extends AbstractProcessEnginePlugin {

    private final String adminId;

    DemoAccountsGuard(@Value("${camunda.bpm.admin-user.id:admin}") String adminId) {
        this.adminId = adminId;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        List<String> problems = problems(engine);
        if (!problems.isEmpty()) {
            engine.close();
            throw new StartRefused(
                    "Privacy Desk will not start as production on a database with demo accounts", problems);
        }
    }

    List<String> problems(ProcessEngine engine) {
        IdentityService identities = engine.getIdentityService();
        List<String> problems = new ArrayList<>();
        for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
            if (identities.createUserQuery().userId(demo.id()).count() > 0) {
                problems.add("demo user '" + demo.id() + "' exists: delete it in Camunda Admin (or the database)");
            }
        }
        Set<String> admins = new LinkedHashSet<>(List.of(ProductionGuard.DEFAULT_ADMIN_PASSWORD, adminId));
        for (String id : admins) {
            User user = identities.createUserQuery().userId(id).singleResult();
            for (String known : List.of(ProductionGuard.DEFAULT_ADMIN_PASSWORD, ProductionGuard.DEMO_ADMIN_PASSWORD)) {
                if (hasPassword(engine, user, known)) {
                    problems.add("user '" + id + "' still has the password '" + known + "': change it in Camunda "
                            + "Admin, or delete the user so the desk creates it with DESK_ADMIN_PASSWORD");
                }
            }
        }
        return problems;
    }

    /**
     * Compares against the stored hash directly: IdentityService.checkPassword counts a mismatch as a
     * failed login and would, at every start, bring the real administrator closer to a lockout.
     */
    private static boolean hasPassword(ProcessEngine engine, User user, String password) {
        if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
            return false;
        }
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration
                .getPasswordManager()
                .check(EncryptionUtil.saltPassword(password, entity.getSalt()), entity.getPassword());
    }
}
