package uk.lucidservices.privacydesk.retention;

import jakarta.mail.MessagingException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.lucidservices.privacydesk.mail.ProcessedMailbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The same mail as the raw-mail store, in the mailbox's processed folder: expunged on the raw
 * mail's schedule, found by its Message-ID. A mail with no Message-ID cannot be found there again
 * and is left to the mailbox's own retention.
 */
final class ProcessedMailSweep {

    /** Message-IDs searched in one IMAP command, so the command line stays short. */
    static final int IDS_PER_SEARCH = 50;

    private final ProcessedMailbox mailbox;

    ProcessedMailSweep(ProcessedMailbox mailbox) {
        this.mailbox = mailbox;
    }

    /**
     * Expunges one batch; returns how many intake entries it settled (0: nothing left) and adds the
     * mails expunged to {@code expunged}. The rows are marked only after the mailbox confirmed.
     */
    int sweepBatch(NamedParameterJdbcTemplate jdbc, OffsetDateTime cutoff, OffsetDateTime now, long[] expunged)
            throws MessagingException {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("cutoff", cutoff).addValue("now", now);
        List<Long> ids = new ArrayList<>();
        Set<String> messageIds = new LinkedHashSet<>();
        jdbc.query("""
                SELECT l.id, l.message_id FROM desk.intake_log l LEFT JOIN desk.request r ON r.id = l.request_id
                WHERE l.mailbox_expunged_at IS NULL AND l.message_id IS NOT NULL AND""" + " " + DueSql.MAIL_DUE
                + " ORDER BY l.id" + DueSql.first(IDS_PER_SEARCH), params, rs -> {
            ids.add(rs.getLong(1));
            messageIds.add(rs.getString(2));
        });
        if (ids.isEmpty()) {
            return 0;
        }
        expunged[0] += mailbox.expungeProcessed(messageIds);
        jdbc.update("UPDATE desk.intake_log SET mailbox_expunged_at = :now WHERE id IN (:ids)", params.addValue("ids", ids));
        return ids.size();
    }
}
