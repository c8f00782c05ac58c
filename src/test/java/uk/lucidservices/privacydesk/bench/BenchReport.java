package uk.lucidservices.privacydesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run's figures: printed as one table and written as target/bench/&lt;name&gt;.json
 * and .md, with the machine and database they were measured on, so runs can be compared with
 * each other and with the targets. A row with a target says whether it was met.
 */
public final class BenchReport {

    public record Row(String workload, String metric, double value, String unit, String target, Boolean met) {
        String verdict() {
            return met == null ? "" : met ? "yes" : "**no**";
        }
    }

    private final String name;
    private final Map<String, Object> setting = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();

    public BenchReport(String name) {
        this.name = name;
    }

    /** Describes where the figures come from: machine, database, engine settings. */
    public synchronized void setting(String key, Object value) {
        setting.put(key, value);
    }

    public synchronized void add(String workload, String metric, double value, String unit) {
        rows.add(new Row(workload, metric, value, unit, "", null));
    }

    public synchronized void check(
            String workload, String metric, double value, String unit, String target, boolean met) {
        rows.add(new Row(workload, metric, value, unit, target, met));
    }

    /** Lines printed under the table, grouped under a heading (e.g. where a start's database time goes). */
    public synchronized void note(String heading, List<String> lines) {
        notes.put(heading, List.copyOf(lines));
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Median of durations in nanoseconds, in milliseconds. */
    public static double median(long[] nanos) {
        return percentile(nanos, 0.5);
    }

    /** 95th percentile (nearest rank) of durations in nanoseconds, in milliseconds. */
    public static double p95(long[] nanos) {
        return percentile(nanos, 0.95);
    }

    public static double percentile(long[] nanos, double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = Math.max(1, (int) Math.ceil(sorted.length * p));
        return sorted[rank - 1] / 1e6;
    }

    public synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        setting.forEach((key, value) ->
                md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("\n| workload | metric | value | unit | target | met |\n|---|---|---:|---|---|---|\n");
        for (Row r : rows) {
            md.append("| %s | %s | %s | %s | %s | %s |\n"
                    .formatted(r.workload(), r.metric(), format(r.value()), r.unit(), r.target(), r.verdict()));
        }
        notes.forEach((heading, lines) -> {
            md.append("\n").append(heading).append(":\n\n");
            lines.forEach(
                    line -> md.append("- ").append(line.replace("|", "\\|")).append('\n'));
        });
        return md.toString();
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return "%,d".formatted((long) value);
        }
        return Math.abs(value) >= 100
                ? "%,.0f".formatted(value)
                : Math.abs(value) >= 10 ? "%.1f".formatted(value) : "%.2f".formatted(value);
    }

    public synchronized void write() {
        String md = markdown();
        System.out.println("\n== Benchmark: " + name + " ==\n" + md);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", name);
        json.put("setting", setting);
        json.put("rows", rows);
        json.put("notes", notes);
        try {
            Path dir = Path.of("target", "bench");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".md"), "# Benchmark: " + name + "\n\n" + md);
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve(name + ".json").toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
