package uk.lucidservices.privacydesk.request;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proportionate identity checks (UK GDPR Art. 12(6), issue 14 part 4). ID is asked for only where an
 * officer has reasonable doubt, and the officer chooses how: a question only the account holder can
 * answer, a one-time code to an email address on record for the matched account, or a document as
 * the last resort. Owns {@code desk.identity_check}: the method chosen, the question (free text kept
 * here, never in the engine, cleared with the decision) and the verdict. Recording a decision
 * deletes the ID documents at once ({@link IdDocuments}), as the ID request letter promises.
 */
@Component
public class IdentityChecks {

    /** Form field of the identity tasks: one of {@link Decision}. */
    public static final String DECISION = "identityDecision";
    /** Form field: the question to ask, with {@link Decision#ASK_QUESTION}. Free text: never kept in the engine. */
    public static final String QUESTION = "idQuestion";
    /** Form field: the code the requester gave back, when the check was a code. Never kept in the engine. */
    public static final String CODE = "idCode";

    /** What the officer decided at an identity task. */
    public enum Decision {
        /** No reasonable doubt, or the answer, code or document settled it. */
        CONFIRMED(null),
        ASK_QUESTION(Method.QUESTION),
        SEND_CODE(Method.CODE),
        /** A document: the last resort. */
        ASK_FOR_ID(Method.DOCUMENT);

        private final Method method;

        Decision(Method method) {
            this.method = method;
        }

        public Method method() {
            return method;
        }
    }

    public enum Method {
        QUESTION,
        CODE,
        DOCUMENT
    }

    /** The check asked for and not yet decided. */
    public record Check(long id, Method method, String question, Long codeIdentifierId) {
        @Override
        public String toString() {
            return "Check[" + id + ", " + method + "]";
        }
    }

    private final JdbcTemplate jdbc;
    private final RequestRegister register;
    private final VerifiedIdentifiers identifiers;
    private final IdDocuments documents;
    private final Clock clock;

    public IdentityChecks(
            JdbcTemplate jdbc,
            RequestRegister register,
            VerifiedIdentifiers identifiers,
            IdDocuments documents,
            Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.identifiers = identifiers;
        this.documents = documents;
        this.clock = clock;
    }

    public static Decision parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Say whether the identity is confirmed (CONFIRMED) or how to check it:"
                    + " ASK_QUESTION, SEND_CODE or ASK_FOR_ID (a document, the last resort)");
        }
        try {
            return Decision.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown identity decision '" + text.trim()
                    + "': use CONFIRMED, ASK_QUESTION, SEND_CODE or ASK_FOR_ID");
        }
    }

    /**
     * Records how the officer chose to check the identity. A question must be given with
     * {@link Decision#ASK_QUESTION}. With {@link Decision#SEND_CODE} a fresh code is made for an
     * email address on record for the matched account and answered, for the caller to mail at once
     * (the code is never stored in clear); refused where the account has no such address.
     */
    @Transactional
    public Optional<VerifiedIdentifiers.AddressCode> ask(
            String reference, Decision decision, String question, String userId) {
        Method method = decision.method();
        if (method == null) {
            throw new IllegalArgumentException("A confirmation asks for nothing");
        }
        Request request = register.get(reference);
        String kept = null;
        Long codeIdentifier = null;
        VerifiedIdentifiers.AddressCode code = null;
        if (method == Method.QUESTION) {
            if (question == null || question.isBlank()) {
                throw new IllegalArgumentException("Write the question only the account holder can answer");
            }
            if (question.length() > 1000) {
                throw new IllegalArgumentException("Keep the question under 1,000 characters");
            }
            kept = question.trim();
        }
        if (method == Method.CODE) {
            RequestRegister.Identifier onRecord = register.identifiers(request.id()).stream()
                    .filter(i -> "EMAIL".equals(i.kind()) && i.state() == IdentifierState.MATCHED)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No email address of " + reference
                            + " is on record for a matched customer account: ask a question or for a document"));
            codeIdentifier = onRecord.id();
            code = identifiers.newAddressCode(reference, onRecord.id(), userId);
        }
        jdbc.update(
                "UPDATE desk.identity_check SET verdict = 'SUPERSEDED', question = NULL WHERE request_id = ? AND verdict IS NULL",
                request.id());
        jdbc.update("""
                INSERT INTO desk.identity_check (request_id, method, question, code_identifier_id, asked_by, asked_at)
                VALUES (?, ?, ?, ?, ?, ?)""", request.id(), method.name(), kept, codeIdentifier, userId, now());
        register.record(
                request.id(),
                "ID_ASKED_FOR",
                userId,
                "Reasonable doubt about the requester's identity: method=" + method);
        return Optional.ofNullable(code);
    }

    /** The check asked for and not decided yet, if any. */
    public Optional<Check> open(String reference) {
        return jdbc
                .query(
                        """
                        SELECT id, method, question, code_identifier_id FROM desk.identity_check
                        WHERE request_id = ? AND verdict IS NULL ORDER BY id DESC""",
                        (rs, i) -> new Check(
                                rs.getLong(1),
                                Method.valueOf(rs.getString(2)),
                                rs.getString(3),
                                rs.getObject(4) == null ? null : rs.getLong(4)),
                        register.get(reference).id())
                .stream()
                .findFirst();
    }

    /**
     * Before a confirmation where the open check is a code: the code the requester gave back must be
     * the one sent (refused otherwise, and counted towards the attempts).
     */
    public void requireCodeGivenBack(String reference, String code, String userId) {
        Optional<Check> check = open(reference);
        if (check.isEmpty() || check.get().method() != Method.CODE) {
            return;
        }
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException(
                    "The check was a code sent to the address on record: type the code the requester gave back");
        }
        identifiers.proveAddress(reference, check.get().codeIdentifierId(), code, userId);
    }

    /**
     * Records the decision on the open check (its question is cleared) and deletes the ID documents
     * from every store now: they were needed only to decide.
     */
    public void decided(String reference, Decision decision, String userId) {
        Request request = register.get(reference);
        Optional<Check> check = open(reference);
        if (check.isPresent()) {
            jdbc.update(
                    "UPDATE desk.identity_check SET verdict = ?, decided_by = ?, decided_at = ?, question = NULL WHERE id = ?",
                    decision == Decision.CONFIRMED ? "CONFIRMED" : "NOT_SETTLED",
                    userId,
                    now(),
                    check.get().id());
            register.record(
                    request.id(),
                    "ID_CHECK_DECIDED",
                    userId,
                    "method=" + check.get().method() + "; verdict="
                            + (decision == Decision.CONFIRMED ? "identity confirmed" : "not settled"));
        }
        int mails = documents.deleteAfterDecision(request.id());
        if (mails > 0) {
            register.record(
                    request.id(),
                    "ID_DOCUMENTS_DELETED",
                    userId,
                    "ID documents from " + mails + " mail(s) deleted, and the kept mails stripped of them,"
                            + " when the identity decision was recorded");
        }
    }

    /**
     * Values of the ID request letter ({@code execution listener} of its step): which method, and the
     * question as a transient value, so the letter says what to send and the engine keeps no text.
     */
    public void letterValues(DelegateExecution execution) {
        Optional<Check> check = open(execution.getProcessBusinessKey());
        Method method = check.map(Check::method).orElse(Method.DOCUMENT);
        execution.setVariableLocal("idByQuestion", Variables.booleanValue(method == Method.QUESTION, true));
        execution.setVariableLocal("idByCode", Variables.booleanValue(method == Method.CODE, true));
        execution.setVariableLocal("idByDocument", Variables.booleanValue(method == Method.DOCUMENT, true));
        check.map(Check::question).ifPresent(q -> execution.setVariableLocal(QUESTION, Variables.stringValue(q, true)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
