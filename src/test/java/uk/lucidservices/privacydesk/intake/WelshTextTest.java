package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.lucidservices.privacydesk.request.Language;

/** The heuristic that tells a Welsh mail from an English one, on the mails requesters write. */
class WelshTextTest {

    @Test
    void aRequestWrittenInWelshIsWelsh() {
        assertThat(WelshText.language(
                        "Cais",
                        "Annwyl Syr, hoffwn gael copi o'r holl ddata personol sydd gennych amdanaf. Diolch, Siôn"))
                .isEqualTo(Language.WELSH);
        assertThat(WelshText.language(null, "Dilëwch fy nata os gwelwch yn dda. Mae fy rhif ffôn yn y cyfrif."))
                .isEqualTo(Language.WELSH);
    }

    @Test
    void anEnglishRequestWithAWelshSignOffOrPlaceNameStaysEnglish() {
        assertThat(WelshText.language(
                        "Subject access request",
                        "Dear Sir, I would like a copy of all the personal data you hold about me. "
                                + "I live at 3 Heol y Felin, Llanfair. Diolch yn fawr, Ffion"))
                .isEqualTo(Language.ENGLISH);
        assertThat(WelshText.language("My data", "Please send me a copy of my data."))
                .isEqualTo(Language.ENGLISH);
    }

    @Test
    void nothingToReadIsEnglish() {
        assertThat(WelshText.language(null, null)).isEqualTo(Language.ENGLISH);
        assertThat(WelshText.language("", "ok")).isEqualTo(Language.ENGLISH);
    }
}
