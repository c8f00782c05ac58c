package uk.lucidservices.privacydesk.security;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;

/**
 * Who is calling the desk's API, as authenticated by {@link BasicAuthenticationFilter}: the signed-in
 * user of {@link Actors}, the one way the desk tells who acted.
 */
@Component
public class CurrentStaff {

    private final IdentityService identityService;

    public CurrentStaff(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String userId() {
        String userId = Actors.signedIn(identityService);
        if (userId == null) {
            throw new NotAllowedException("Not signed in");
        }
        return userId;
    }

    /** The signed-in user's groups (none when nobody is signed in). */
    public List<String> groupIds() {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth == null || auth.getGroupIds() == null ? List.of() : List.copyOf(auth.getGroupIds());
    }

    public boolean inAnyGroup(String... groups) {
        Authentication auth = identityService.getCurrentAuthentication();
        if (auth == null || auth.getGroupIds() == null) {
            return false;
        }
        List<String> wanted = Arrays.asList(groups);
        return auth.getGroupIds().stream().anyMatch(g -> wanted.contains(g) || DeskGroups.ADMINS.equals(g));
    }

    public void requireAnyGroup(String... groups) {
        if (!inAnyGroup(groups)) {
            throw new NotAllowedException("This needs membership of one of: " + String.join(", ", groups));
        }
    }
}
