package uk.lucidservices.privacydesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/** An officer's extension ask through the desk's HTTP API, once or twice at the same instant. */
public final class ExtensionAskCalls {

    private ExtensionAskCalls() {}

    /** {@code POST /api/requests/{reference}/extension} as Olivia, a privacy officer. */
    public static ResponseEntity<JsonNode> ask(TestRestTemplate http, String reference) {
        return http.withBasicAuth("olivia", "olivia")
                .postForEntity("/api/requests/" + reference + "/extension", null, JsonNode.class);
    }

    /** Two asks released at the same instant from two threads; the statuses they got, in no order. */
    public static List<HttpStatusCode> askTwiceAtOnce(TestRestTemplate http, String reference) throws Exception {
        return twiceAtOnce(() -> ask(http, reference).getStatusCode());
    }

    /** One call made twice, released at the same instant from two threads; the statuses, in no order. */
    public static List<HttpStatusCode> twiceAtOnce(Supplier<HttpStatusCode> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpStatusCode>> calls = List.of(1, 2).stream()
                    .map(i -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    go.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return call.get();
                            },
                            pool))
                    .toList();
            go.countDown();
            return List.of(calls.get(0).get(30, TimeUnit.SECONDS), calls.get(1).get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }
}
