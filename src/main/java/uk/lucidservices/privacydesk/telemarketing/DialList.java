package uk.lucidservices.privacydesk.telemarketing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.records.SuppressionList;
import uk.lucidservices.privacydesk.records.TelemarketingLeads;
import uk.lucidservices.privacydesk.records.TelemarketingLeads.DialCandidate;

/**
 * Builds a list of leads the dialler may call for marketing today. Every rule applies together and
 * the list says how many leads each rule removed (a lead may fall to several; each rule counts it):
 * not screened in the last 28 days (the policy's "ad-hoc TPS and CTPS downloads where data is over
 * 28 days old"), on TPS, on CTPS, on the suppression list after an erasure, objected to marketing,
 * marked do-not-call by an agent, and consent that did not name Lucid.
 */
@Service
public class DialList {

    /** Screening older than this many days does not count: the lead must be screened again first. */
    static final int SCREENING_VALID_DAYS = 28;

    public enum Removal {
        NOT_SCREENED_IN_28_DAYS,
        TPS,
        CTPS,
        SUPPRESSED,
        OBJECTED,
        DO_NOT_CALL,
        CONSENT_DID_NOT_NAME_LUCID
    }

    /** A lead on the list: the dialler needs its id and number. */
    public record Entry(long leadId, String phone) {}

    public record Result(LocalDate builtOn, int considered, List<Entry> callable, Map<Removal, Integer> removed) {}

    private final TelemarketingLeads leads;
    private final SuppressionList suppression;
    private final Clock clock;

    public DialList(TelemarketingLeads leads, SuppressionList suppression, Clock clock) {
        this.leads = leads;
        this.suppression = suppression;
        this.clock = clock;
    }

    /** The dial list of {@code source}'s leads (every source when null). */
    @Transactional(readOnly = true)
    public Result build(String source) {
        LocalDate today = LocalDate.now(clock);
        LocalDate oldestValid = today.minusDays(SCREENING_VALID_DAYS);
        // Each list's hashes once: the list holds keyed hashes only, so the leads' keys are hashed here.
        Set<String> erased = suppression.hashes(true);
        Set<String> objected = suppression.hashes(false);
        List<DialCandidate> leads = this.leads.withNumber(source);
        Map<Removal, Integer> removed = new EnumMap<>(Removal.class);
        for (Removal r : Removal.values()) {
            removed.put(r, 0);
        }
        List<Entry> callable = new ArrayList<>();
        for (DialCandidate lead : leads) {
            Map<Removal, Boolean> rules = new HashMap<>();
            boolean fresh = lead.lastScreened() != null && !lead.lastScreened().isBefore(oldestValid);
            rules.put(Removal.NOT_SCREENED_IN_28_DAYS, !fresh);
            rules.put(Removal.TPS, "TPS".equals(lead.tpsStatus()));
            rules.put(Removal.CTPS, "CTPS".equals(lead.tpsStatus()));
            String phoneHash = suppression.hash(lead.phoneKey());
            String emailHash = lead.emailKey() == null ? null : suppression.hash(lead.emailKey());
            rules.put(
                    Removal.SUPPRESSED,
                    erased.contains(phoneHash) || (emailHash != null && erased.contains(emailHash)));
            rules.put(
                    Removal.OBJECTED,
                    objected.contains(phoneHash) || (emailHash != null && objected.contains(emailHash)));
            rules.put(Removal.DO_NOT_CALL, lead.doNotCall());
            rules.put(Removal.CONSENT_DID_NOT_NAME_LUCID, !lead.namesLucid());
            rules.forEach((rule, applies) -> {
                if (applies) {
                    removed.merge(rule, 1, Integer::sum);
                }
            });
            if (!rules.containsValue(true)) {
                callable.add(new Entry(lead.id(), lead.phone()));
            }
        }
        return new Result(today, leads.size(), callable, removed);
    }
}
