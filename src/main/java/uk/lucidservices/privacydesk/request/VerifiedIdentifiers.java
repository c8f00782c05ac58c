package uk.lucidservices.privacydesk.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.records.CustomerAccounts;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.SubjectResolver;
import uk.lucidservices.privacydesk.security.NotAllowedException;
import uk.lucidservices.privacydesk.security.StaffIds;

/**
 * The identifiers of a request, verified one by one. Each carries its source and state
 * ({@link IdentifierSource}, {@link IdentifierState}): what was found in a mail's text is a
 * suggestion until an officer accepts it; what the requester gave is matched against the customer
 * accounts; the identity check confirms only matched or accepted identifiers, and is refused while
 * one the search would use is neither. Only verified identifiers (confirmed, identity checked) are
 * searched, and the pack link goes only to an address on record for the matched account or proven
 * by a one-time code. Values never leave this class in events or messages: identifiers are named by
 * their id, kind and source.
 */
@Component
public class VerifiedIdentifiers {

    static final int MAX_CODE_ATTEMPTS = 5;
    private static final Duration CODE_VALIDITY = Duration.ofHours(24);
    private static final SecureRandom CODES = new SecureRandom();

    private final RequestRegister register;
    private final SubjectResolver resolver;
    private final CustomerAccounts accounts;
    private final Clock clock;

    public VerifiedIdentifiers(
            RequestRegister register, SubjectResolver resolver, CustomerAccounts accounts, Clock clock) {
        this.register = register;
        this.resolver = resolver;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Matches the request's usable identifiers (given or accepted, not suggested or rejected) to
     * customer accounts by email and phone; an account number never counts. When exactly one account
     * matches, each identifier on it becomes MATCHED; every other one not yet confirmed is UNMATCHED.
     *
     * @return how many different accounts the usable identifiers are on record for
     */
    @Transactional
    public int assess(String reference) {
        Request request = register.get(reference);
        Assessment assessment = assessment(register.identifiers(request.id()));
        assessment.identifiers().stream()
                .filter(i -> i.searchKey() && usable(i.state()))
                .forEach(i -> register.saveIdentifierMatch(i.id(), i.state(), i.matchedAccount()));
        return assessment.accounts();
    }

    /**
     * The request's identifiers as {@link #assess} would leave them now, without saving: what the
     * officer confirming the identity sees, so an identifier given on an account shows as matched
     * before the identity step runs {@code assess} (and one accepted since, as it will count).
     */
    @Transactional(readOnly = true)
    public List<RequestRegister.Identifier> assessed(String reference) {
        return assessment(register.identifiers(register.get(reference).id())).identifiers();
    }

    private record Assessment(List<RequestRegister.Identifier> identifiers, int accounts) {}

    private Assessment assessment(List<RequestRegister.Identifier> identifiers) {
        List<RequestRegister.Identifier> usable = identifiers.stream()
                .filter(i -> i.searchKey() && usable(i.state()))
                .toList();
        Map<Long, Set<String>> onRecord = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (RequestRegister.Identifier i : usable) {
            Set<String> found =
                    switch (i.kind()) {
                        case "EMAIL" -> accounts.onRecordFor(List.of(i.value()), List.of());
                        case "PHONE" -> accounts.onRecordFor(List.of(), List.of(i.value()));
                        default -> Set.of();
                    };
            onRecord.put(i.id(), found);
            all.addAll(found);
        }
        String account = all.size() == 1 ? all.iterator().next() : null;
        List<RequestRegister.Identifier> result = new ArrayList<>();
        for (RequestRegister.Identifier i : identifiers) {
            if (!onRecord.containsKey(i.id())) {
                result.add(i);
                continue;
            }
            boolean matched = account != null
                    && ("ACCOUNT".equals(i.kind())
                            ? account.equals(i.value().trim().toUpperCase(Locale.ROOT))
                            : onRecord.get(i.id()).equals(Set.of(account)));
            IdentifierState state = i.state() == IdentifierState.CONFIRMED
                    ? IdentifierState.CONFIRMED
                    : matched ? IdentifierState.MATCHED : IdentifierState.UNMATCHED;
            result.add(new RequestRegister.Identifier(
                    i.id(),
                    i.kind(),
                    i.value(),
                    i.key(),
                    i.source(),
                    state,
                    matched ? account : null,
                    i.proven(),
                    i.verified()));
        }
        return new Assessment(List.copyOf(result), all.size());
    }

    /**
     * Refuses to confirm the identity while an identifier the search would use is neither on the
     * matched account nor accepted by an officer, or when nothing is left to search by. The message
     * says which identifier (by id, kind and source) and what to do.
     */
    public void requireConfirmable(String reference) {
        Request request = register.get(reference);
        List<RequestRegister.Identifier> identifiers = register.identifiers(request.id());
        List<String> open = identifiers.stream()
                .filter(i -> i.searchKey() && i.state() == IdentifierState.UNMATCHED)
                .map(i -> "#" + i.id() + " (" + describe(i) + ")")
                .toList();
        if (!open.isEmpty()) {
            throw new IdentityNotConfirmableException("The identity of " + reference + " cannot be confirmed yet: "
                    + String.join(", ", open) + (open.size() == 1 ? " is" : " are") + " on no single customer account "
                    + "the request matched. Accept or reject each one first (POST /api/requests/" + reference
                    + "/identifiers/<id>/accept or /reject), or ask for ID.");
        }
        boolean anyUsable = identifiers.stream()
                .anyMatch(i -> i.searchKey()
                        && (i.state() == IdentifierState.MATCHED || i.state() == IdentifierState.CONFIRMED));
        if (!anyUsable) {
            throw new IdentityNotConfirmableException("The identity of " + reference + " cannot be confirmed: no "
                    + "email address, phone number or account number is matched or accepted, so nothing could be "
                    + "searched. Accept an identifier (GET /api/requests/" + reference
                    + "/identifiers lists them) or ask for ID.");
        }
    }

    /**
     * The identity check passed: matched identifiers become confirmed, and the confirmed ones
     * verified (searched and written to). Suggestions nobody accepted stay unused.
     */
    @Transactional
    public int markVerified(String reference, String userId) {
        requireConfirmable(reference);
        Request request = register.get(reference);
        OffsetDateTime now = now();
        int n = register.verifyIdentifiers(request.id(), userId, now);
        long unused = register.identifiers(request.id()).stream()
                .filter(i -> i.state() == IdentifierState.SUGGESTED || i.state() == IdentifierState.REJECTED)
                .count();
        register.record(
                request.id(),
                "IDENTITY_VERIFIED",
                userId,
                n + " identifiers verified; " + unused + " suggested or rejected, not used");
        return n;
    }

    /** An officer accepts one identifier (a suggestion, or one on no account) before the identity is confirmed. */
    @Transactional
    public RequestRegister.Identifier accept(String reference, long identifierId, String userId) {
        return decide(reference, identifierId, IdentifierState.CONFIRMED, userId);
    }

    /** An officer rejects one identifier: it is never searched or sent to. */
    @Transactional
    public RequestRegister.Identifier reject(String reference, long identifierId, String userId) {
        return decide(reference, identifierId, IdentifierState.REJECTED, userId);
    }

    public List<RequestRegister.Identifier> list(String reference) {
        return register.identifiers(register.get(reference).id());
    }

    /** The subject as matching keys, built from the verified identifiers only. */
    public Subject subject(String reference) {
        Request request = register.get(reference);
        List<String> emails = values(request.id(), "EMAIL");
        List<String> phones = values(request.id(), "PHONE");
        List<String> accountNumbers = values(request.id(), "ACCOUNT");
        if (emails.isEmpty() && phones.isEmpty() && accountNumbers.isEmpty()) {
            throw new IdentityNotVerifiedException(reference);
        }
        return resolver.resolve(emails, phones, accountNumbers);
    }

    /**
     * The address the pack link may be sent to: a verified email address that is on record for the
     * one customer account the request matched (checked again now), or that a one-time code proved.
     * Empty otherwise: the pack then goes by post to the address on record.
     */
    public Optional<String> email(String reference) {
        long requestId = register.get(reference).id();
        List<RequestRegister.Identifier> verified = register.identifiers(requestId).stream()
                .filter(i -> i.verified() && i.state() == IdentifierState.CONFIRMED)
                .toList();
        Set<String> matchedAccounts = verified.stream()
                .map(RequestRegister.Identifier::matchedAccount)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        String account =
                matchedAccounts.size() == 1 ? matchedAccounts.iterator().next() : null;
        return verified.stream()
                .filter(i -> "EMAIL".equals(i.kind()))
                .filter(i -> i.proven()
                        || (account != null
                                && accounts.onRecordFor(List.of(i.value()), List.of())
                                        .contains(account)))
                .map(RequestRegister.Identifier::value)
                .findFirst();
    }

    /**
     * The email address confirmed as the requester's at the identity check, whether or not it is
     * still on record (an erasure may have removed it there). Empty when the requester's address
     * was rejected or never confirmed: what goes to them then goes by post.
     */
    public Optional<String> confirmedEmail(String reference) {
        long requestId = register.get(reference).id();
        return register.identifiers(requestId).stream()
                .filter(i -> "EMAIL".equals(i.kind()) && i.verified() && i.state() == IdentifierState.CONFIRMED)
                .map(RequestRegister.Identifier::value)
                .findFirst();
    }

    /**
     * A fresh one-time code for one of the request's email identifiers, replacing any earlier one; only
     * its hash is stored. The caller mails the code to the address; the requester gives it back to an
     * officer, who records it ({@link #proveAddress}). Proving an address does not accept it: an
     * officer still decides whether it belongs to the requester.
     */
    @Transactional
    public AddressCode newAddressCode(String reference, long identifierId, String userId) {
        Request request = register.get(reference);
        RequestRegister.Identifier identifier = identifier(request, identifierId);
        requireAColleagueOfTheLogger(request, userId);
        if (!"EMAIL".equals(identifier.kind())
                || identifier.state() == IdentifierState.REJECTED
                || request.closedAt() != null) {
            throw new InvalidRequestException(
                    "A code can only be sent to an email address of an open request that was not rejected");
        }
        String code = "%06d".formatted(CODES.nextInt(1_000_000));
        OffsetDateTime expires = now().plus(CODE_VALIDITY);
        register.saveAddressCode(identifierId, codeHash(identifierId, code), expires);
        register.record(
                request.id(),
                "ADDRESS_CODE_SENT",
                userId,
                "identifier #" + identifierId + " (" + describe(identifier) + ")");
        return new AddressCode(identifier.value(), code, expires);
    }

    /** The code and the address it goes to; neither is ever logged. */
    public record AddressCode(String address, String code, OffsetDateTime expiresAt) {
        @Override
        public String toString() {
            return "AddressCode[expires=" + expiresAt + "]";
        }
    }

    /**
     * Records the code the requester gave back: right, unexpired and within {@value #MAX_CODE_ATTEMPTS}
     * attempts, the address is proven (the link may go to it once it is accepted); otherwise refused.
     */
    @Transactional(noRollbackFor = InvalidRequestException.class)
    public RequestRegister.Identifier proveAddress(String reference, long identifierId, String code, String userId) {
        Request request = register.get(reference);
        requireAColleagueOfTheLogger(request, userId);
        RequestRegister.Identifier identifier = identifier(request, identifierId);
        RequestRegister.PendingCode pending = register.pendingCode(identifierId);
        if (pending.hash() == null
                || pending.expiresAt() == null
                || pending.expiresAt().isBefore(now())
                || pending.attempts() >= MAX_CODE_ATTEMPTS) {
            throw new InvalidRequestException(
                    "No valid code is waiting for identifier #" + identifierId + ": send a new one");
        }
        if (code == null || !codeHash(identifierId, code.trim()).equals(pending.hash())) {
            register.countWrongCode(identifierId);
            register.record(request.id(), "ADDRESS_CODE_WRONG", userId, "identifier #" + identifierId);
            throw new InvalidRequestException("That is not the code sent to identifier #" + identifierId);
        }
        register.markProven(identifierId, now());
        register.record(
                request.id(),
                "ADDRESS_PROVEN",
                userId,
                "identifier #" + identifierId + " (" + describe(identifier) + ")");
        return identifier(request, identifierId);
    }

    private RequestRegister.Identifier identifier(Request request, long identifierId) {
        return register.identifiers(request.id()).stream()
                .filter(i -> i.id() == identifierId)
                .findFirst()
                .orElseThrow(() -> new RequestNotFoundException(request.reference() + " identifier " + identifierId));
    }

    private static String codeHash(long identifierId, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((identifierId + ":" + code).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private RequestRegister.Identifier decide(
            String reference, long identifierId, IdentifierState state, String userId) {
        Request request = register.get(reference);
        RequestRegister.Identifier identifier = identifier(request, identifierId);
        requireAColleagueOfTheLogger(request, userId);
        if (!identifier.searchKey()) {
            throw new InvalidRequestException(
                    "A name is never searched: only email addresses, phone numbers and account numbers are accepted or rejected");
        }
        if (request.closedAt() != null || identityVerified(request.id())) {
            throw new InvalidRequestException("The identity of " + reference
                    + " is already confirmed (or the request is closed): " + "its identifiers can no longer change");
        }
        register.decideIdentifier(identifierId, state, userId, now());
        register.record(
                request.id(),
                state == IdentifierState.CONFIRMED ? "IDENTIFIER_ACCEPTED" : "IDENTIFIER_REJECTED",
                userId,
                "identifier #" + identifierId + " (" + describe(identifier) + ")");
        return register.identifiers(request.id()).stream()
                .filter(i -> i.id() == identifierId)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Four eyes: whoever logged a request does not also decide which identifiers are the requester's
     * (nor prove an address), or one officer could log a request for any customer and steer its pack
     * to an address of their choosing.
     */
    private static void requireAColleagueOfTheLogger(Request request, String userId) {
        if (StaffIds.same(userId, request.loggedBy())) {
            throw new NotAllowedException("The officer who logged " + request.reference()
                    + " cannot accept, reject or prove its identifiers: a colleague does");
        }
    }

    private boolean identityVerified(long requestId) {
        return register.eventCount(requestId, "IDENTITY_VERIFIED") > 0;
    }

    private static boolean usable(IdentifierState state) {
        return state != IdentifierState.SUGGESTED && state != IdentifierState.REJECTED;
    }

    /** Kind and source, never the value: this goes into events and messages. */
    static String describe(RequestRegister.Identifier i) {
        String kind =
                switch (i.kind()) {
                    case "EMAIL" -> "email address";
                    case "PHONE" -> "phone number";
                    case "ACCOUNT" -> "account number";
                    default -> i.kind().toLowerCase(Locale.ROOT);
                };
        String source =
                switch (i.source()) {
                    case SENDER_ADDRESS -> "the mail's sender";
                    case STRUCTURED_FIELD -> "given in a field";
                    case FOUND_IN_TEXT -> "found in the mail's text";
                };
        return kind + ", " + source;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private List<String> values(long requestId, String kind) {
        return register.identifiers(requestId).stream()
                .filter(i -> kind.equals(i.kind()) && i.verified())
                .map(RequestRegister.Identifier::value)
                .toList();
    }

    /** The request reached a step that needs a confirmed identity before its identity check marked any identifier verified. */
    public static class IdentityNotVerifiedException extends IllegalStateException {
        public IdentityNotVerifiedException(String reference) {
            super("Request " + reference + " has no verified identifiers: the identity check must pass "
                    + "(delegate markIdentifiersVerified) before records are searched or a pack is sent");
        }
    }

    /** The officer tried to confirm an identity while an identifier the search would use is unmatched and unconfirmed. */
    public static class IdentityNotConfirmableException extends IllegalStateException {
        public IdentityNotConfirmableException(String message) {
            super(message);
        }
    }
}
