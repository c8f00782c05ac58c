package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/**
 * Tasklist's page carries the CSP nonce of its own response even while other webapp requests run
 * at the same time: the cause of the "bare spinner" (every script refused for a nonce mismatch)
 * was Camunda keeping the nonce in the servlet context, shared by concurrent requests.
 */
class WebappNonceScopeTest extends DeskIntegrationTest {

    private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
    private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    @Autowired
    TestRestTemplate http;

    @Test
    void eachWebappPageCarriesTheNonceOfItsOwnResponseUnderConcurrentRequests() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> pages = new ArrayList<>();
            List<Future<?>> noise = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                pages.add(pool.submit(pageNonces(40)));
                noise.add(pool.submit(() -> {
                    for (int i = 0; i < 120; i++) {
                        http.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class);
                    }
                    return null;
                }));
            }
            List<String> mismatches = new ArrayList<>();
            int checked = 0;
            for (Future<List<String>> page : pages) {
                List<String> results = page.get();
                checked += results.size();
                results.stream().filter(r -> !r.isEmpty()).forEach(mismatches::add);
            }
            for (Future<?> n : noise) {
                n.get();
            }
            assertThat(checked).isEqualTo(160);
            assertThat(mismatches)
                    .as("pages whose scripts carry another response's nonce")
                    .isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** For each page: empty when header and page agree, otherwise what differed. */
    private Callable<List<String>> pageNonces(int times) {
        return () -> {
            List<String> results = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
                Matcher header = HEADER_NONCE.matcher(page.getHeaders().getFirst("Content-Security-Policy"));
                assertThat(header.find()).isTrue();
                Matcher body = PAGE_NONCE.matcher(page.getBody());
                List<String> inPage = new ArrayList<>();
                while (body.find()) {
                    inPage.add(body.group(1));
                }
                assertThat(inPage).isNotEmpty();
                results.add(
                        inPage.stream().allMatch(header.group(1)::equals)
                                ? ""
                                : "header " + header.group(1) + ", page " + inPage);
            }
            return results;
        };
    }
}
