package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.Problem;
import dev.hallpass.problem.Problems;
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
        Problem problem;
        if (failure != null || status >= 500) {
            Problem unexpected = UnexpectedExceptionMapper.unexpected(failure);
            problem = status >= 500 ? Problem.of(status, unexpected.title(), unexpected.detail()) : Problem.of(status, null);
        } else {
            problem = Problem.of(status, status == 404 ? "There is nothing at this path"
                    : status == 403 ? "Your account may not open this page" : null);
        }
        if (wantsPage(request)) {
            page(request, response, problem);
        } else {
            Problems.write(response, problem);
        }
    }

    /** A browser navigating to a page (not a script asking for data) gets a page it can show. */
    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !request.getRequestURI().contains("/api/");
    }

    private static void page(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType("text/html;charset=UTF-8");
        String home = request.getContextPath() + "/";
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + problem.status() + " " + html(problem.title()) + "</title><link rel=\"icon\" href=\"data:,\">"
                + "<link rel=\"stylesheet\" href=\"" + home + "hallpass.css\"></head><body><main><h1>" + problem.status() + " "
                + html(problem.title()) + "</h1><p id=\"detail\">" + html(problem.detail()) + "</p><p><a href=\"" + home
                + "\">Hallpass home</a> · <a href=\"" + home + "devices.xhtml\">My devices</a></p></main></body></html>");
    }

    private static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
