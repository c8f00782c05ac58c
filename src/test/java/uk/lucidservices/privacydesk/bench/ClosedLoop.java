package uk.lucidservices.privacydesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * N clients each running one operation after another (closed loop) for a fixed time after a
 * warm-up; every operation finished inside the measured window counts, with its latency.
 */
final class ClosedLoop {

    /** One operation; {@code client} is 0..clients-1, so clients can keep apart. */
    interface Operation {
        void run(int client) throws Exception;
    }

    record Result(int clients, long operations, double seconds, long[] nanos) {
        double perSecond() {
            return operations / seconds;
        }

        double medianMs() {
            return BenchReport.median(nanos);
        }

        double p95Ms() {
            return BenchReport.p95(nanos);
        }
    }

    private ClosedLoop() {}

    /** Runs {@code before} once after the warm-up, just before the measured window opens (to reset counters). */
    static Result run(int clients, Duration warmUp, Duration measured, Operation operation, Runnable before) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch warmedUp = new CountDownLatch(clients);
        long[] window = new long[2];
        List<Future<long[]>> futures = new ArrayList<>();
        long warmUpEnd = System.nanoTime() + warmUp.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < warmUpEnd) {
                    operation.run(client);
                }
                warmedUp.countDown();
                warmedUp.await();
                synchronized (window) {
                    if (window[0] == 0) {
                        before.run();
                        window[0] = System.nanoTime();
                        window[1] = window[0] + measured.toNanos();
                    }
                }
                long end = window[1];
                long[] nanos = new long[1 << 12];
                int n = 0;
                while (true) {
                    long t = System.nanoTime();
                    if (t >= end) {
                        break;
                    }
                    operation.run(client);
                    long done = System.nanoTime();
                    if (done > end) {
                        break;
                    }
                    if (n == nanos.length) {
                        nanos = Arrays.copyOf(nanos, n * 2);
                    }
                    nanos[n++] = done - t;
                }
                return Arrays.copyOf(nanos, n);
            }));
        }
        pool.shutdown();
        try {
            long[] all = new long[0];
            for (Future<long[]> future : futures) {
                long[] part = future.get(measured.plus(warmUp).toSeconds() + 600, TimeUnit.SECONDS);
                long[] merged = Arrays.copyOf(all, all.length + part.length);
                System.arraycopy(part, 0, merged, all.length, part.length);
                all = merged;
            }
            return new Result(clients, all.length, measured.toNanos() / 1e9, all);
        } catch (Exception e) {
            pool.shutdownNow();
            throw new IllegalStateException("A benchmark client failed", e);
        }
    }
}
