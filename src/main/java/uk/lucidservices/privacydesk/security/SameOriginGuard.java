package uk.lucidservices.privacydesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (403) a request that would change something on {@code /api} or {@code /engine-rest}
 * when a browser says it comes from another site: {@code Sec-Fetch-Site} other than same-origin
 * or none (typed by the user), or an {@code Origin} that is neither the desk's public URL nor the
 * address the request was sent to. A page elsewhere can make a signed-in browser send a POST; it
 * cannot make the browser lie in these headers. Scripts send neither header and pass.
 */
class SameOriginGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private final String publicOrigin;

    SameOriginGuard(String publicUrl) {
        this.publicOrigin = origin(URI.create(publicUrl));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && fromAnotherSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter()
                    .write(
                            "{\"error\":\"forbidden\",\"message\":\"Changes are accepted only from the desk's own pages\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !OWN_SITE.contains(site.trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String claimed;
        try {
            claimed = origin(URI.create(origin.trim()));
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
        // "null" (a sandboxed frame, a file) has no scheme: it is nobody's origin.
        return claimed == null || !(claimed.equals(publicOrigin) || claimed.equals(requestOrigin(request)));
    }

    private static String requestOrigin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    private static String origin(URI uri) {
        return uri.getScheme() == null || uri.getHost() == null
                ? null
                : origin(uri.getScheme(), uri.getHost(), uri.getPort());
    }

    /** scheme://host[:port] in lower case, without the scheme's default port. */
    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
