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
        CALL("the call", "yr alwad"),
        RECORDING("the recording is made", "i'r recordiad gael ei wneud"),
        SUBMITTED("you sent it", "i chi ei anfon"),
        IMPORTED("we received it", "i ni ei gael"),
        LAST_CONTACT("our last contact with you", "ein cysylltiad diwethaf â chi"),
        COMPLAINT_CLOSED("the complaint is closed", "i'r gŵyn gael ei chau"),
        CONTRACT_END("the contract ends", "i'r contract ddod i ben"),
        ISSUED("the bill is issued", "i'r bil gael ei gyhoeddi"),
        PAID("the payment is made", "i'r taliad gael ei wneud"),
        PORTED("the number is moved", "i'r rhif gael ei symud"),
        RELATIONSHIP_END("the customer relationship ends", "i'ch perthynas â ni fel cwsmer ddod i ben"),
        REQUEST_CLOSED("the request is closed", "i'r cais gael ei gau"),
        IDENTITY_DECIDED("your identity has been checked", "i'ch hunaniaeth gael ei gwirio"),
        LINK_EXPIRED("the download link expires", "i'r ddolen lawrlwytho ddod i ben");

        private final String words;
        private final String welsh;

        Event(String words, String welsh) {
            this.words = words;
            this.welsh = welsh;
        }

        public String words() {
            return words;
        }

        /** The same, as a Welsh letter puts it after "ar ôl" (after) or "hyd nes" (until). */
        public String welsh() {
            return welsh;
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

    /**
     * The same in Welsh: "6 o flynyddoedd ar ôl i'r contract ddod i ben". A period a law sets needs
     * its Welsh wording in the data map ({@code cy: retention}), as the law's words are the map's.
     */
    public String describeWelsh() {
        if (law != null && !law.isBlank()) {
            return null;
        }
        if (period.isZero()) {
            return "Hyd nes " + from.welsh();
        }
        List<String> parts = new ArrayList<>();
        if (period.getYears() > 0) {
            parts.add(
                    period.getYears() == 1
                            ? "1 flwyddyn"
                            : period.getYears() == 2 ? "2 flynedd" : period.getYears() + " o flynyddoedd");
        }
        if (period.getMonths() > 0) {
            parts.add(period.getMonths() + " mis");
        }
        if (period.getDays() > 0) {
            parts.add(period.getDays() + " diwrnod");
        }
        return String.join(" a ", parts) + " ar ôl " + from.welsh();
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
