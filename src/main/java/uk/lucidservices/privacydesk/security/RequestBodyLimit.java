package uk.lucidservices.privacydesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a desk API request whose declared body is larger than the largest thing the desk takes
 * (a 20 MB upload), with 413, before anything reads it: the API reads a body whole into memory
 * before it checks who may send it, so an unbounded body could exhaust the heap.
 */
class RequestBodyLimit extends OncePerRequestFilter {

    /** The uploads' own limit (20 MB), and room for a request's other bytes. */
    static final long MAX_BYTES = 20L * 1024 * 1024 + 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setHeader("Connection", "close");
            response.setContentType("application/json");
            response.getWriter()
                    .write(
                            "{\"error\":\"too_large\",\"message\":\"The request is larger than the desk takes (20 MB)\"}");
            // Sent now: the server would otherwise hold the answer while it waits for the body.
            response.flushBuffer();
            return;
        }
        chain.doFilter(request, response);
    }
}
