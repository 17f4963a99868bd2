package dev.hallpass.infrastructure.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page (web.xml {@code <error-page>}): errors raised outside JAX-RS, such as a
 * path no servlet serves, also come back as problem+json, never as a server-branded HTML page.
 */
@WebServlet("/error")
public class ProblemErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer c ? c : 404;
        if (failure != null || status >= 500) {
            Problem unexpected = UnexpectedExceptionMapper.unexpected(failure);
            Problems.write(response, status >= 500 ? Problem.of(status, unexpected.title(), unexpected.detail()) : Problem.of(status, null));
            return;
        }
        Problems.write(response, Problem.of(status, status == 404 ? "There is nothing at this path" : null));
    }
}
