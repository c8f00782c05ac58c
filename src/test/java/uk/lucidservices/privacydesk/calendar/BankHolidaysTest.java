package uk.lucidservices.privacydesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankHolidaysTest {

    private final BankHolidays bundled = BankHolidays.bundled();

    @Test
    void bundledFileCovers2018To2028() {
        assertThat(bundled.fileYears())
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(2018, 2028).boxed().toList());
    }

    @Test
    void rulesAgreeWithFileExceptKnownOneOffChanges() {
        Set<LocalDate> onlyInFile = new TreeSet<>();
        Set<LocalDate> onlyInRules = new TreeSet<>();
        for (int year = 2018; year <= 2028; year++) {
            SortedMap<LocalDate, String> file = bundled.forYear(year);
            SortedMap<LocalDate, String> rules = BankHolidayRules.forYear(year);
            file.keySet().stream().filter(d -> !rules.containsKey(d)).forEach(onlyInFile::add);
            rules.keySet().stream().filter(d -> !file.containsKey(d)).forEach(onlyInRules::add);
            file.forEach((date, name) -> {
                if (rules.containsKey(date)) {
                    assertThat(rules.get(date)).as("name of %s", date).isEqualTo(name);
                }
            });
        }
        assertThat(onlyInFile)
                .containsExactly(
                        LocalDate.of(2020, 5, 8), // VE Day replaced Mon 4 May
                        LocalDate.of(2022, 6, 2), // spring holiday moved from Mon 30 May
                        LocalDate.of(2022, 6, 3), // Platinum Jubilee
                        LocalDate.of(2022, 9, 19), // State Funeral
                        LocalDate.of(2023, 5, 8)); // Coronation
        assertThat(onlyInRules).containsExactly(LocalDate.of(2020, 5, 4), LocalDate.of(2022, 5, 30));
    }

    @Test
    void substituteAndOneOffDaysInFile() {
        assertThat(holidays(2021, 12)).containsExactly(27, 28);
        assertThat(holidays(2022, 12)).containsExactly(26, 27);
        assertThat(holidays(2026, 12)).containsExactly(25, 28);
        assertThat(holidays(2027, 12)).containsExactly(27, 28);
        assertThat(holidays(2020, 12)).containsExactly(25, 28);
        assertThat(holidays(2022, 1)).containsExactly(3);
        assertThat(holidays(2023, 1)).containsExactly(2);
        assertThat(holidays(2028, 1)).containsExactly(3);
        assertThat(holidays(2020, 5)).containsExactly(8, 25);
        assertThat(holidays(2022, 6)).containsExactly(2, 3);
        assertThat(holidays(2023, 5)).containsExactly(1, 8, 29);
        assertThat(bundled.name(LocalDate.of(2026, 12, 28))).contains("Boxing Day (substitute day)");
        assertThat(bundled.name(LocalDate.of(2022, 9, 19)))
                .hasValueSatisfying(n -> assertThat(n).contains("State Funeral"));
        assertThat(bundled.name(LocalDate.of(2026, 12, 24))).isEmpty();
    }

    @Test
    void everyFileYearHasEightHolidaysExceptJubileeAndCoronationYears() {
        for (int year = 2018; year <= 2028; year++) {
            int expected = year == 2022 ? 10 : year == 2023 ? 9 : 8;
            assertThat(bundled.forYear(year)).as("year %d", year).hasSize(expected);
        }
    }

    @Test
    void computedYear2029() {
        assertThat(bundled.forYear(2029).keySet())
                .containsExactly(
                        LocalDate.of(2029, 1, 1),
                        LocalDate.of(2029, 3, 30),
                        LocalDate.of(2029, 4, 2),
                        LocalDate.of(2029, 5, 7),
                        LocalDate.of(2029, 5, 28),
                        LocalDate.of(2029, 8, 27),
                        LocalDate.of(2029, 12, 25),
                        LocalDate.of(2029, 12, 26));
    }

    // Christmas 2032 Sat, 2033 Sun, 2037 Fri; New Year 2033 Sat, 2034 Sun (all computed years).
    @Test
    void computedSubstituteDays() {
        assertThat(holidays(2032, 12)).containsExactly(27, 28);
        assertThat(holidays(2033, 12)).containsExactly(26, 27);
        assertThat(bundled.name(LocalDate.of(2033, 12, 26))).contains("Boxing Day");
        assertThat(bundled.name(LocalDate.of(2033, 12, 27))).contains("Christmas Day (substitute day)");
        assertThat(holidays(2037, 12)).containsExactly(25, 28);
        assertThat(holidays(2033, 1)).containsExactly(3);
        assertThat(holidays(2034, 1)).containsExactly(2);
    }

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
        "2008, 2008-03-23", "2011, 2011-04-24", "2018, 2018-04-01", "2019, 2019-04-21", "2020, 2020-04-12",
        "2021, 2021-04-04", "2022, 2022-04-17", "2023, 2023-04-09", "2024, 2024-03-31", "2025, 2025-04-20",
        "2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16", "2029, 2029-04-01", "2031, 2031-04-13",
        "2035, 2035-03-25", "2038, 2038-04-25", "2285, 2285-03-22"
    })
    void easterSunday(int year, LocalDate easter) {
        assertThat(BankHolidayRules.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad date        | 2026-13-01,Bad month
            missing comma   | 2026-12-25 Christmas Day
            empty name      | '2026-12-25,  '
            duplicate date  | 2026-12-26,Boxing Day again
            """)
    void malformedLineIsRejectedWithItsLineNumber(String why, String badLine) {
        String csv = "# comment\ndate,name\n\n2026-12-26,Boxing Day\n" + badLine + "\n2026-12-28,Later\n";
        assertThatThrownBy(() -> BankHolidays.fromCsv(stream(csv)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 5");
    }

    @Test
    void headerInTheMiddleIsMalformed() {
        assertThatThrownBy(() -> BankHolidays.fromCsv(stream("2026-12-25,Christmas Day\ndate,name\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void replacementCsvTakesEffectForItsYearsOnly() {
        BankHolidays custom =
                BankHolidays.fromCsv(stream("\uFEFFdate,name\n# a made-up one-off\n2026-06-15,Test holiday\n"));
        assertThat(custom.fileYears()).containsExactly(2026);
        assertThat(custom.name(LocalDate.of(2026, 6, 15))).contains("Test holiday");
        // 2026 now comes wholly from the file, so the usual days are gone...
        assertThat(custom.isBankHoliday(LocalDate.of(2026, 12, 25))).isFalse();
        // ...while 2027 is computed from the rules.
        assertThat(custom.isBankHoliday(LocalDate.of(2027, 12, 27))).isTrue();

        DeadlineCalculator calc = new DeadlineCalculator(new UkCalendar(custom));
        Deadlines d = calc.compute(RequestClock.receivedOn(LocalDate.of(2026, 5, 15)), LocalDate.of(2026, 5, 15));
        assertThat(d.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 6, 16));
    }

    @Test
    void fromPathReadsAConfiguredFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("holidays.csv");
        Files.writeString(file, "date,name\n2030-07-01,Extra\n");
        BankHolidays fromPath = BankHolidays.fromPath(file);
        assertThat(fromPath.isBankHoliday(LocalDate.of(2030, 7, 1))).isTrue();
        assertThat(fromPath.isBankHoliday(LocalDate.of(2030, 12, 25))).isFalse();
        assertThat(fromPath.isBankHoliday(LocalDate.of(2031, 4, 11))).isTrue();
    }

    @Test
    void headerIsOptionalAndNamesMayBeQuoted() {
        BankHolidays custom = BankHolidays.fromCsv(stream("2030-07-01,\"Extra, with comma\"\n"));
        assertThat(custom.name(LocalDate.of(2030, 7, 1))).contains("Extra, with comma");
    }

    private Set<Integer> holidays(int year, int month) {
        Map<LocalDate, String> all = bundled.forYear(year);
        return all.keySet().stream()
                .filter(d -> d.getMonthValue() == month)
                .map(LocalDate::getDayOfMonth)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static InputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
