package uk.lucidservices.privacydesk.security;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Groups, rights, demo users (demo profile only) and Tasklist filters, once the engine is up. */
@Component
class IdentitySetup {

    private final GroupAuthorizations authorizations;
    private final DemoUsers demoUsers;
    private final TasklistFilters filters;
    private final boolean demoUsersEnabled;

    public IdentitySetup(
            GroupAuthorizations authorizations, DemoUsers demoUsers, TasklistFilters filters, DemoProperties demo) {
        this.authorizations = authorizations;
        this.demoUsers = demoUsers;
        this.filters = filters;
        this.demoUsersEnabled = demo.users();
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void setUp() {
        authorizations.apply();
        if (demoUsersEnabled) {
            demoUsers.create();
        }
        filters.create();
    }
}
