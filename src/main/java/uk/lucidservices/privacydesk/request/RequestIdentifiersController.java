package uk.lucidservices.privacydesk.request;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * The identifiers of an access or erasure request, one by one, for the officer confirming the
 * identity: each with its source, its state and the account it matched. A suggestion (found in a
 * mail's text) or an identifier on no account is accepted or rejected here before the identity can
 * be confirmed. Privacy officers decide; managers may read. Complaints are not identity-checked:
 * their references answer 404 here.
 * <p>
 * Each identifier is shown as {@link VerifiedIdentifiers#assess} will judge it (matched to the one
 * account, or on no account), not as last saved: the identity form opens before the identity
 * step re-assesses, and an officer's accept or reject changes what the others match. The confirm
 * and ask-for-ID form accepts and rejects here with the Tasklist session and the webapps' CSRF token
 * ({@code security.WebappSessionUsers}); scripts use HTTP Basic.
 */
@RestController
@RequestMapping("/api/requests/{reference}/identifiers")
class RequestIdentifiersController {

    private final VerifiedIdentifiers identifiers;
    private final RequestRegister register;
    private final CurrentStaff staff;

    RequestIdentifiersController(VerifiedIdentifiers identifiers, RequestRegister register, CurrentStaff staff) {
        this.identifiers = identifiers;
        this.register = register;
        this.staff = staff;
    }

    record IdentifierView(
            long id,
            String kind,
            String value,
            IdentifierSource source,
            IdentifierState state,
            String matchedAccount) {}

    @GetMapping
    List<IdentifierView> list(@PathVariable String reference) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS, DeskGroups.MANAGERS);
        identityChecked(reference);
        return identifiers.assessed(reference).stream()
                .filter(RequestRegister.Identifier::searchKey)
                .map(RequestIdentifiersController::view)
                .toList();
    }

    @PostMapping("/{id}/accept")
    IdentifierView accept(@PathVariable String reference, @PathVariable long id) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS);
        identityChecked(reference);
        identifiers.accept(reference, id, staff.userId());
        return assessed(reference, id);
    }

    @PostMapping("/{id}/reject")
    IdentifierView reject(@PathVariable String reference, @PathVariable long id) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS);
        identityChecked(reference);
        identifiers.reject(reference, id, staff.userId());
        return assessed(reference, id);
    }

    private IdentifierView assessed(String reference, long id) {
        return identifiers.assessed(reference).stream()
                .filter(i -> i.id() == id)
                .map(RequestIdentifiersController::view)
                .findFirst()
                .orElseThrow();
    }

    private static IdentifierView view(RequestRegister.Identifier i) {
        return new IdentifierView(i.id(), i.kind(), i.value(), i.source(), i.state(), i.matchedAccount());
    }

    /** Only requests with an identity check (access, erasure, the other rights); anything else is not found here. */
    private void identityChecked(String reference) {
        RequestType type = register.get(reference).type();
        if (!type.identityChecked()) {
            throw new RequestNotFoundException(reference);
        }
    }
}
