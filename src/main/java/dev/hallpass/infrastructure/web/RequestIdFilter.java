package dev.hallpass.infrastructure.web;

import dev.hallpass.client.RequestId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** First filter: every response carries the request's {@link RequestId}; the thread forgets it afterwards. */
public class RequestIdFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestId.begin(request, response);
        try {
            chain.doFilter(request, response);
        } finally {
            RequestId.end();
        }
    }
}
