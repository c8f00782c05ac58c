package uk.lucidservices.privacydesk.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.stereotype.Component;

/**
 * The demo profile's staff, one per role plus a second privacy officer for four-eyes steps.
 * Passwords are listed in the README; any other profile refuses to start with them
 * (see {@link ProductionGuard} and {@link DemoAccountsGuard}).
 */
@Component
class DemoUsers {

    public record DemoUser(String id, String password, String firstName, String lastName, String group) {}

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("olivia", "olivia", "Olivia", "Officer", DeskGroups.PRIVACY_OFFICERS),
            new DemoUser("peter", "peter", "Peter", "Officer", DeskGroups.PRIVACY_OFFICERS),
            new DemoUser("chloe", "chloe", "Chloe", "Handler", DeskGroups.COMPLAINT_HANDLERS),
            new DemoUser("mark", "mark", "Mark", "Manager", DeskGroups.MANAGERS),
            new DemoUser("pbx", "pbx", "Phone", "System", DeskGroups.PHONE_SYSTEM));

    private final IdentityService identityService;

    public DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void create() {
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@staff.lucidservices.uk");
                user.setPassword(demo.password());
                // Demo passwords are the user names, which the password policy refuses; the policy applies
                // when a password is set, so these are set past it (and refused outside demo by DemoAccountsGuard).
                ((IdentityServiceImpl) identityService).saveUser(user, true);
            }
            if (identityService
                            .createUserQuery()
                            .userId(demo.id())
                            .memberOfGroup(demo.group())
                            .count()
                    == 0) {
                identityService.createMembership(demo.id(), demo.group());
            }
        }
    }
}
