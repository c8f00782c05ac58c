package uk.lucidservices.privacydesk.mail;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.lucidservices.privacydesk.request.Language;

/**
 * A moment a letter states to the minute (when a one-time code expires), written in the letter's
 * language by the letter model: "15 June 2026 09:30 UTC", or "15 Mehefin 2026 09:30 UTC" in Welsh.
 * A plain date needs no wrapper: the model writes every {@code LocalDate} and {@code OffsetDateTime}
 * as a day.
 */
public record LetterTime(OffsetDateTime at) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** A day as letters write it: "15 June 2026", or "15 Mehefin 2026" in Welsh. */
    public static String day(LocalDate date, Language language) {
        return LetterModel.format(date, language);
    }

    String written(Language language) {
        OffsetDateTime utc = at.withOffsetSameInstant(ZoneOffset.UTC);
        return LetterModel.format(utc.toLocalDate(), language) + " " + CLOCK.format(utc) + " UTC";
    }
}
