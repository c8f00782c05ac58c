package uk.lucidservices.privacydesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

class ReferenceGeneratorTest extends DeskIntegrationTest {

    @Autowired
    ReferenceGenerator references;

    @Test
    void eightConcurrentThreadsNeverShareAReference() throws Exception {
        int threads = 8;
        int each = 25;
        Set<String> issued = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Callable<Integer> worker = () -> {
                start.await();
                int duplicates = 0;
                for (int i = 0; i < each; i++) {
                    if (!issued.add(references.next(RequestType.ERASURE))) {
                        duplicates++;
                    }
                }
                return duplicates;
            };
            results.add(pool.submit(worker));
        }
        start.countDown();
        int duplicates = 0;
        for (Future<Integer> result : results) {
            duplicates += result.get();
        }
        pool.shutdown();
        assertThat(duplicates).isZero();
        assertThat(issued).hasSize(threads * each).allMatch(r -> r.matches("ERA-\\d{4}-\\d{6}"));
        // No gaps either: the counter hands out consecutive numbers.
        List<Long> numbers = issued.stream()
                .map(r -> Long.parseLong(r.substring(9)))
                .sorted()
                .toList();
        assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(threads * each - 1);
    }

    @Test
    void referencesCarryTheTypePrefixAndYear() {
        assertThat(references.next(RequestType.SUBJECT_ACCESS)).matches("SAR-20\\d\\d-\\d{6}");
        assertThat(references.next(RequestType.COMPLAINT)).matches("CMP-20\\d\\d-\\d{6}");
    }
}
