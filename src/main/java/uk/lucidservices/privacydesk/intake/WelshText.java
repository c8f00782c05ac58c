package uk.lucidservices.privacydesk.intake;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.lucidservices.privacydesk.request.Language;

/**
 * Whether a mail is written in Welsh, so the desk answers in Welsh: a small heuristic, not a
 * language model. It counts the words of the mail (quotes left out by the caller) that are common
 * Welsh function and request words but not English words ("yn", "mae", "sydd", "hoffwn", "gennych",
 * "annwyl", "diolch"), and the letters only Welsh uses (ŵ, ŷ). A mail is Welsh when at least three
 * such words make up at least a fifth of its words: a Welsh sign-off ("Diolch yn fawr") under an
 * English mail stays English. Staff can set the language on the request when it guesses wrong.
 */
final class WelshText {

    /** Short, frequent Welsh words that are not English words (so not "a", "i", "am", "at", "an"). */
    private static final Set<String> WELSH_WORDS = Set.of(
            "yr",
            "y",
            "yn",
            "ac",
            "o",
            "ar",
            "mae",
            "sydd",
            "oes",
            "ydw",
            "ydych",
            "ydy",
            "rwy",
            "rydw",
            "rydym",
            "wedi",
            "bod",
            "fod",
            "eich",
            "ei",
            "fy",
            "chi",
            "ni",
            "gan",
            "gyda",
            "neu",
            "hefyd",
            "hyn",
            "hwn",
            "hon",
            "ddim",
            "nid",
            "nad",
            "ond",
            "pob",
            "holl",
            "gael",
            "cael",
            "gallwch",
            "angen",
            "ynghylch",
            "annwyl",
            "diolch",
            "hoffwn",
            "gennych",
            "amdanaf",
            "amdana",
            "copi",
            "cais",
            "personol",
            "ddata",
            "cofion",
            "cywir",
            "gywir",
            "gwelwch",
            "dda",
            "fawr",
            "syr",
            "os",
            "beth",
            "pam",
            "sut",
            "rhif",
            "cyfrif",
            "ffôn",
            "ffon",
            "cyfeiriad",
            "dileu",
            "peidiwch",
            "hoffem",
            "anfonwch",
            "rhoi");

    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    private WelshText() {}

    /** Welsh when the text reads as Welsh, else English (the desk's default). */
    static Language language(String subject, String text) {
        String all = ((subject == null ? "" : subject) + "\n" + (text == null ? "" : text)).toLowerCase(Locale.ROOT);
        int words = 0;
        int welsh = 0;
        Matcher m = WORD.matcher(all);
        while (m.find()) {
            words++;
            String word = m.group();
            if (WELSH_WORDS.contains(word) || word.indexOf('ŵ') >= 0 || word.indexOf('ŷ') >= 0) {
                welsh++;
            }
        }
        return welsh >= 3 && welsh * 5 >= words ? Language.WELSH : Language.ENGLISH;
    }
}
