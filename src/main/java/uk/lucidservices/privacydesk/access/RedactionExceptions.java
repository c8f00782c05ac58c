package uk.lucidservices.privacydesk.access;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the review form's exceptions, one per line: {@code category:record-id:field:DECISION:reason},
 * for example {@code complaints:42:others_involved:REDACT:names the installer}. Blank lines and
 * lines starting with # are ignored; the reason may contain colons.
 */
final class RedactionExceptions {

    private RedactionExceptions() {}

    static List<RedactionReview.ItemDecision> parse(String text) {
        List<RedactionReview.ItemDecision> decisions = new ArrayList<>();
        if (text == null) {
            return decisions;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", 5);
            if (parts.length < 5 || parts[4].isBlank()) {
                throw new IllegalArgumentException(
                        "Exception line " + (i + 1) + " should read category:record-id:field:DECISION:reason");
            }
            long recordId;
            try {
                recordId = Long.parseLong(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Exception line " + (i + 1) + ": the record id must be a number");
            }
            decisions.add(new RedactionReview.ItemDecision(
                    new RedactionReview.ItemKey(parts[0].trim(), recordId, parts[2].trim()),
                    Decision.parse(parts[3]),
                    parts[4].trim()));
        }
        return decisions;
    }
}
