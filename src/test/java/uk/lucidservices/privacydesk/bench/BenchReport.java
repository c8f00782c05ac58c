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
 * Collects benchmark figures, prints them as a table and writes target/bench/&lt;name&gt;.json and .md,
 * so runs can be compared with each other and with the targets.
 */
public final class BenchReport {

    public record Row(String workload, String metric, double value, String unit, String target) {
    }

    private final String name;
    private final List<Row> rows = new ArrayList<>();

    public BenchReport(String name) {
        this.name = name;
    }

    public void add(String workload, String metric, double value, String unit, String target) {
        rows.add(new Row(workload, metric, value, unit, target));
    }

    public static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    public static double p95(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6;
    }

    public void write() {
        StringBuilder md = new StringBuilder("| workload | metric | value | unit | target |\n|---|---|---:|---|---|\n");
        for (Row r : rows) {
            md.append("| %s | %s | %.2f | %s | %s |\n".formatted(r.workload(), r.metric(), r.value(), r.unit(), r.target()));
        }
        System.out.println("\n== Benchmark: " + name + " ==\n" + md);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", name);
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));
        json.put("rows", rows);
        try {
            Path dir = Path.of("target", "bench");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".md"), md.toString());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(name + ".json").toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
