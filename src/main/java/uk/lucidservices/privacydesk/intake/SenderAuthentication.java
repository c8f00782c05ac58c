package uk.lucidservices.privacydesk.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the desk's own mail server found out about a mail's sender, read from the
 * {@code Authentication-Results} header (RFC 8601) it added. Only the header that names the
 * configured authserv-id counts: anyone can write such a header into a mail, and a border server
 * that stamps its id removes copies of its id that came from outside (RFC 8601 section 5), so its
 * topmost header is its own. With no trusted server configured nothing is trusted and nothing is
 * refused.
 */
final class SenderAuthentication {

    /** The DMARC verdict of the trusted server on the From domain. */
    enum Dmarc {
        PASS,
        FAIL,
        /** The trusted server gave no DMARC verdict, or one that neither passes nor fails (none, temperror). */
        UNKNOWN,
        /** No trusted server is configured: headers are ignored. */
        NOT_CHECKED
    }

    private static final Pattern DMARC_RESULT = Pattern.compile("^dmarc\\s*=\\s*([a-z]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");

    private final String trustedAuthservId;

    SenderAuthentication(String trustedAuthservId) {
        this.trustedAuthservId = trustedAuthservId == null ? "" : trustedAuthservId.trim();
    }

    boolean configured() {
        return !trustedAuthservId.isEmpty();
    }

    String trustedAuthservId() {
        return trustedAuthservId;
    }

    Dmarc dmarc(IncomingMail mail) {
        if (!configured()) {
            return Dmarc.NOT_CHECKED;
        }
        return trustedHeader(mail.headers().getOrDefault("authentication-results", List.of()))
                .map(SenderAuthentication::dmarcOf)
                .orElse(Dmarc.UNKNOWN);
    }

    private Optional<String> trustedHeader(List<String> values) {
        return values.stream()
                .map(v -> COMMENT.matcher(v).replaceAll(" ").trim())
                .filter(v -> trustedAuthservId.equalsIgnoreCase(authservId(v)))
                .findFirst();
    }

    /** The first word before the first ';' (an optional version number may follow the id). */
    private static String authservId(String value) {
        int semicolon = value.indexOf(';');
        String head = (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
        return head.isEmpty() ? "" : head.split("\\s+")[0];
    }

    private static Dmarc dmarcOf(String value) {
        String[] parts = value.split(";");
        for (int i = 1; i < parts.length; i++) {
            Matcher m = DMARC_RESULT.matcher(parts[i].trim());
            if (m.find()) {
                return switch (m.group(1).toLowerCase(Locale.ROOT)) {
                    case "pass" -> Dmarc.PASS;
                    case "fail" -> Dmarc.FAIL;
                    default -> Dmarc.UNKNOWN;
                };
            }
        }
        return Dmarc.UNKNOWN;
    }
}
