package uk.lucidservices.privacydesk.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * England &amp; Wales bank holidays. A year that appears in the data file is taken wholly from it
 * (so one-off changes win); any other year is computed by {@link BankHolidayRules}. Immutable
 * and thread-safe.
 */
public final class BankHolidays {

    /** Classpath location of the bundled data file. */
    public static final String BUNDLED_RESOURCE = "/sla/bank-holidays-england-and-wales.csv";

    private final SortedMap<LocalDate, String> fromFile;
    private final Set<Integer> fileYears;
    private final Map<Integer, SortedMap<LocalDate, String>> computed = new ConcurrentHashMap<>();

    private BankHolidays(Map<LocalDate, String> fromFile) {
        this.fromFile = Collections.unmodifiableSortedMap(new TreeMap<>(fromFile));
        Set<Integer> years = new TreeSet<>();
        fromFile.keySet().forEach(d -> years.add(d.getYear()));
        this.fileYears = Collections.unmodifiableSet(years);
    }

    /** The data file shipped in this jar. */
    public static BankHolidays bundled() {
        return Bundled.INSTANCE;
    }

    /** Reads a {@code date,name} CSV; does not close the stream. */
    public static BankHolidays fromCsv(InputStream in) {
        return new BankHolidays(BankHolidayCsv.parse(Objects.requireNonNull(in, "in")));
    }

    /** Reads a {@code date,name} CSV file, e.g. one configured to replace the bundled data. */
    public static BankHolidays fromPath(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return fromCsv(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bank holiday file " + path, e);
        }
    }

    public boolean isBankHoliday(LocalDate date) {
        return forYear(date.getYear()).containsKey(date);
    }

    public Optional<String> name(LocalDate date) {
        return Optional.ofNullable(forYear(date.getYear()).get(date));
    }

    /** All bank holidays of {@code year}, in date order. */
    public SortedMap<LocalDate, String> forYear(int year) {
        if (fileYears.contains(year)) {
            return fromFile.subMap(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        }
        return computed.computeIfAbsent(year, BankHolidayRules::forYear);
    }

    /** Years taken from the data file rather than computed. */
    public Set<Integer> fileYears() {
        return fileYears;
    }

    private static final class Bundled {
        static final BankHolidays INSTANCE = load();

        private static BankHolidays load() {
            try (InputStream in = BankHolidays.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing classpath resource " + BUNDLED_RESOURCE);
                }
                return fromCsv(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
