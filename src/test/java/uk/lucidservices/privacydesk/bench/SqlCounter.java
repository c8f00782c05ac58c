package uk.lucidservices.privacydesk.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts what the desk sends to the database, for the benchmarks only: statements (each row of a
 * JDBC batch counts), round trips (a batch is one), commits, and the time of every job-acquisition
 * query the job executor runs. Installed by {@link BenchDataSource} around the pool.
 */
public final class SqlCounter implements QueryExecutionListener, MethodExecutionListener {

    public static final SqlCounter INSTANCE = new SqlCounter();

    /** The acquisition query's own text (Camunda's selectNextJobsToExecute); no other job query has both. */
    private static final String ACQUISITION_FROM = "from ACT_RU_JOB RES";

    private static final String ACQUISITION_LOCK = "RES.LOCK_EXP_TIME_ <";

    private final LongAdder statements = new LongAdder();
    private final LongAdder roundTrips = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final LongAdder queryNanos = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    private final ThreadLocal<Long> commitStart = new ThreadLocal<>();
    private final ThreadLocal<Long> queryStart = new ThreadLocal<>();
    private final Object acquisitionLock = new Object();
    private long[] acquisitionNanos = new long[1024];
    private int acquisitions;
    private final Map<String, LongAdder[]> byStatement = new ConcurrentHashMap<>();
    /** Off: connections handed out bypass the counting proxy ({@link BenchDataSource}). */
    private volatile boolean counting = true;

    private SqlCounter() {}

    /** What was counted since the last {@link #reset()}. */
    public record Counts(long statements, long roundTrips, long commits, long queryNanos, long commitNanos) {}

    public void reset() {
        statements.reset();
        roundTrips.reset();
        commits.reset();
        queryNanos.reset();
        commitNanos.reset();
        byStatement.clear();
        synchronized (acquisitionLock) {
            acquisitions = 0;
        }
    }

    /**
     * Whether connections handed out from now on are counted. The proxy costs every JDBC call (each
     * parameter set too) a reflective dispatch, about a fifth of the clients' CPU in a request start
     * (JFR): rates are timed with it off, and what a start sends is counted in a window of its own.
     */
    public void counting(boolean on) {
        counting = on;
    }

    public boolean counting() {
        return counting;
    }

    public Counts counts() {
        return new Counts(statements.sum(), roundTrips.sum(), commits.sum(), queryNanos.sum(), commitNanos.sum());
    }

    /** Durations of the acquisition queries since the last reset, in nanoseconds. */
    public long[] acquisitionNanos() {
        synchronized (acquisitionLock) {
            return Arrays.copyOf(acquisitionNanos, acquisitions);
        }
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        queryStart.set(System.nanoTime());
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
        long nanos = System.nanoTime() - queryStart.get();
        roundTrips.increment();
        queryNanos.add(nanos);
        long count = execInfo.isBatch() ? Math.max(1, execInfo.getBatchSize()) : queries.size();
        statements.add(count);
        if (!queries.isEmpty()) {
            LongAdder[] stat = byStatement.computeIfAbsent(
                    shape(queries.get(0).getQuery()), key -> new LongAdder[] {new LongAdder(), new LongAdder()});
            stat[0].add(count);
            stat[1].add(nanos);
        }
        if (queries.size() == 1 && isAcquisition(queries.get(0).getQuery())) {
            synchronized (acquisitionLock) {
                if (acquisitions == acquisitionNanos.length) {
                    acquisitionNanos = Arrays.copyOf(acquisitionNanos, acquisitions * 2);
                }
                acquisitionNanos[acquisitions++] = nanos;
            }
        }
    }

    /** The statement kinds that took the most database time since the last reset, slowest first. */
    public List<String> slowest(int limit, long per, String unit) {
        return byStatement.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder[]> e) -> e.getValue()[1].sum())
                        .reversed())
                .limit(limit)
                .map(e -> "%.2f ms and %.1f statements per %s: %s"
                        .formatted(
                                e.getValue()[1].sum() / 1e6 / per,
                                (double) e.getValue()[0].sum() / per,
                                unit,
                                e.getKey()))
                .toList();
    }

    private static String shape(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    private static boolean isAcquisition(String sql) {
        return sql.contains(ACQUISITION_FROM) && sql.contains(ACQUISITION_LOCK);
    }

    @Override
    public void beforeMethod(MethodExecutionContext context) {
        if ("commit".equals(context.getMethod().getName())) {
            commitStart.set(System.nanoTime());
        }
    }

    @Override
    public void afterMethod(MethodExecutionContext context) {
        if ("commit".equals(context.getMethod().getName())) {
            commits.increment();
            commitNanos.add(System.nanoTime() - commitStart.get());
        }
    }
}
