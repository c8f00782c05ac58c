package uk.lucidservices.privacydesk.datamap;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long a category is kept: a period counted from an event, with the law that sets it where one
 * does ({@code { period: P6Y, from: contract-end, law: "..." }} in the data map). The Art. 15
 * letter prints {@link #describe()}. {@code column}, where the data map gives one, is the column
 * of the category's table that holds the event's date: the nightly retention job deletes each row
 * whose period since that date is over. Without it, the period is applied by the event's own sweep
 * (the relationship-end sweep) or by hand.
 */
public record RetentionPeriod(Period period, Event from, String law, String column) {

    public RetentionPeriod(Period period, Event from, String law) {
        this(period, from, law, null);
    }

    /** The event a period counts from, with the words the letter uses for it. */
    public enum Event {
        CALL("the call"),
        RECORDING("the recording is made"),
        SUBMITTED("you sent it"),
        IMPORTED("we received it"),
        LAST_CONTACT("our last contact with you"),
        COMPLAINT_CLOSED("the complaint is closed"),
        CONTRACT_END("the contract ends"),
        ISSUED("the bill is issued"),
        PAID("the payment is made"),
        PORTED("the number is moved"),
        RELATIONSHIP_END("the customer relationship ends"),
        REQUEST_CLOSED("the request is closed"),
        IDENTITY_DECIDED("your identity has been checked"),
        LINK_EXPIRED("the download link expires");

        private final String words;

        Event(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        static Event parse(String category, String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new DataMapException("Data map entry '" + category + "': retention counts from unknown event '"
                        + text + "' (use "
                        + String.join(
                                ", ",
                                List.of(values()).stream()
                                        .map(v -> v.name()
                                                .toLowerCase(Locale.ROOT)
                                                .replace('_', '-'))
                                        .toList())
                        + ")");
            }
        }
    }

    /** "6 years after the contract ends (PECR reg. 7)", or "Until ..." for a period of none. */
    public String describe() {
        String when = period.isZero() ? "Until " + from.words() : words(period) + " after " + from.words();
        return law == null || law.isBlank() ? when : when + " (" + law + ")";
    }

    private static String words(Period p) {
        List<String> parts = new ArrayList<>();
        add(parts, p.getYears(), "year");
        add(parts, p.getMonths(), "month");
        add(parts, p.getDays(), "day");
        String text = String.join(" and ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void add(List<String> parts, int n, String unit) {
        if (n > 0) {
            parts.add(n + " " + unit + (n == 1 ? "" : "s"));
        }
    }
}
