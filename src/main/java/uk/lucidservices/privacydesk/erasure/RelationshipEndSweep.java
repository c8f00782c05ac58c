package uk.lucidservices.privacydesk.erasure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.datamap.ErasureAction;
import uk.lucidservices.privacydesk.datamap.RetentionPeriod;
import uk.lucidservices.privacydesk.records.ClosedAccounts;
import uk.lucidservices.privacydesk.records.ClosedAccounts.ClosedAccount;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.SubjectResolver;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.ScheduledErasure;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * The relationship-end sweep, run nightly by the retention job under its lease. For each closed
 * CRM account, the data-map categories whose retention counts from the end of the relationship and
 * whose period has passed are erased through an internal erasure request logged by {@code desk}:
 * the same preview, executor, journal, verification and certificate as a person's erasure request.
 * Call recordings of an account with an open complaint or ADR case are held with the legal-claims
 * reason: the data map's {@code keep-while-complaint} one when it applies (the preview's), the sweep's
 * own {@link #LEGAL_CLAIMS} otherwise. When what it erased had recipients, it starts {@value #NOTICES_PROCESS}: the recipients are told
 * (Art. 19) in the erasure request's own notice tasks, then the certificate is issued and the request
 * closed; otherwise it certifies and closes at once. Categories the data map keeps on erasure (complaints, contracts, the account itself) are
 * not erased here: their action is KEEP, and their longer periods are the accounting records'.
 */
@Component
class RelationshipEndSweep implements ScheduledErasure {

    static final String ACTOR = "desk";
    /** The process that tells the recipients of what a sweep erased (Art. 19), then certifies and closes. */
    static final String NOTICES_PROCESS = RelationshipEndNotices.PROCESS;

    static final String RECORDINGS = "call-recordings";
    static final String LEGAL_CLAIMS = "Held: a complaint or ADR case about the account is open, and the recordings may"
            + " be needed to establish, exercise or defend a legal claim (Art. 17(3)(e))";

    private static final Logger log = LoggerFactory.getLogger(RelationshipEndSweep.class);

    private final ClosedAccounts accounts;
    private final DataMap dataMap;
    private final SubjectResolver resolver;
    private final RecordSourceFinder sources;
    private final RequestRegister register;
    private final VerifiedIdentifiers verified;
    private final ErasurePreview preview;
    private final ErasurePlan plan;
    private final ErasureCases cases;
    private final ErasureExecutor executor;
    private final ErasureVerification verification;
    private final ErasureCertificate certificate;
    private final ErasureClosing closing;
    private final ErasureRunItems runItems;
    private final RecipientNotices notices;
    private final RelationshipEndNotices noticeProcess;
    private final Clock clock;

    RelationshipEndSweep(
            ClosedAccounts accounts,
            DataMap dataMap,
            SubjectResolver resolver,
            RecordSourceFinder sources,
            RequestRegister register,
            VerifiedIdentifiers verified,
            ErasurePreview preview,
            ErasurePlan plan,
            ErasureCases cases,
            ErasureExecutor executor,
            ErasureVerification verification,
            ErasureCertificate certificate,
            ErasureClosing closing,
            ErasureRunItems runItems,
            RecipientNotices notices,
            RelationshipEndNotices noticeProcess,
            Clock clock) {
        this.accounts = accounts;
        this.dataMap = dataMap;
        this.resolver = resolver;
        this.sources = sources;
        this.register = register;
        this.verified = verified;
        this.preview = preview;
        this.plan = plan;
        this.cases = cases;
        this.executor = executor;
        this.verification = verification;
        this.certificate = certificate;
        this.closing = closing;
        this.runItems = runItems;
        this.notices = notices;
        this.noticeProcess = noticeProcess;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "relationship-end";
    }

    /** Sweeps every closed account; one account's failure is logged by reference and does not stop the rest. */
    @Override
    public long run() {
        LocalDate today = LocalDate.now(clock);
        long erased = 0;
        for (ClosedAccount account : accounts.closedOnOrBefore(today)) {
            try {
                erased += sweep(account, today).map(this::erasedCount).orElse(0L);
            } catch (RuntimeException e) {
                log.warn(
                        "Relationship-end sweep: one account failed ({}); tried again next run",
                        ErasureExecutor.describe(e));
            }
        }
        return erased;
    }

    /** Sweeps one account; the reference of the erasure request it opened, or empty when nothing was due. */
    Optional<String> sweep(ClosedAccount account, LocalDate today) {
        Subject subject =
                resolver.resolve(present(account.email()), present(account.phone()), List.of(account.accountNumber()));
        boolean held = accounts.hasOpenComplaintOrAdrCase(account.accountNumber());
        Set<String> due = new LinkedHashSet<>();
        long toErase = 0;
        for (Category c : dataMap.categories()) {
            if (!dueAt(c, account.closedOn(), today)) {
                continue;
            }
            long count = sources.forCategory(c).count(c, subject);
            if (count > 0) {
                due.add(c.id());
                // Held either by the sweep's own rule (an open complaint or ADR case holds the recordings) or
                // by the data map's keep-while-complaint, which the preview applies: not counted as erasable.
                boolean kept = (held && RECORDINGS.equals(c.id())) || preview.complaintHolds(c, subject, cases.now());
                if (!kept) {
                    toErase += count;
                }
            }
        }
        // Nothing left to erase (a held category alone opens no request night after night).
        if (toErase == 0) {
            return Optional.empty();
        }
        Request request = register.log(NewRequest.builder(RequestType.ERASURE, Channel.INTERNAL)
                .email(account.email())
                .phone(account.phone())
                .accountNumber(account.accountNumber())
                .summary("Relationship-end sweep: retention period over after the account closed")
                .loggedBy(ACTOR)
                .build());
        String reference = request.reference();
        // The identifiers are the CRM's own for this one account: matched to it, they verify as any request's do.
        verified.assess(reference);
        verified.markVerified(reference, ACTOR);
        preview.preview(reference, due, ACTOR);
        // The data map's complaint hold may already keep the recordings with its legal-claims reason; only
        // what it does not cover (an open ADR case) is marked here, as marking a kept category again is refused.
        if (held
                && due.contains(RECORDINGS)
                && keptByDataMap(reference, RECORDINGS).isEmpty()) {
            preview.markKept(reference, RECORDINGS, LEGAL_CLAIMS, ACTOR);
        }
        // No person decides here: the data map's retention schedule does, so four-eyes does not apply.
        cases.decided(reference, ErasureCase.APPROVED, ACTOR, "Retention period over after the account closed");
        register.record(
                request.id(),
                "ERASURE_APPROVED",
                ACTOR,
                "Approved by the data map's retention schedule (relationship end)");
        executor.execute(reference);
        verification.requireNothingLeft(reference);
        // Art. 19: the recipients of what was erased are told as after a person's erasure, by an officer
        // in the same notice tasks; the certificate, which records each notice, and the closing follow.
        if (notices.listToNotify(reference).isEmpty()) {
            certificate.issue(reference);
            closing.close(reference, null);
        } else {
            noticeProcess.start(reference, request.id());
        }
        return Optional.of(reference);
    }

    /** Retention counts from the relationship's end, the data map lets erasure touch it, and the period is over. */
    static boolean dueAt(Category c, LocalDate closedOn, LocalDate today) {
        RetentionPeriod period = c.retentionPeriod();
        return c.searchable()
                && period != null
                && period.from() == RetentionPeriod.Event.RELATIONSHIP_END
                && c.erasure().action() != ErasureAction.KEEP
                && !closedOn.plus(period.period()).isAfter(today);
    }

    private Optional<ErasurePlanItem> keptByDataMap(String reference, String categoryId) {
        return plan.item(reference, categoryId)
                .filter(i -> i.inScope() && i.action() == ErasureAction.KEEP && i.markedBy() == null);
    }

    private long erasedCount(String reference) {
        return runItems.items(reference).stream()
                .mapToLong(r -> r.deleted() + r.anonymised())
                .sum();
    }

    private static List<String> present(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value);
    }
}
