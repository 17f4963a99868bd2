package dev.hallpass.infrastructure.web;

import dev.hallpass.language.Languages;
import dev.hallpass.problem.Problem;
import dev.hallpass.problem.ProblemException;
import dev.hallpass.problem.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The container's error page (web.xml {@code <error-page>}): errors raised outside JAX-RS, such as a
 * path no servlet serves, also come back as problem+json, never as a server-branded HTML page; both in
 * the language of the request's {@code Accept-Language}.
 */
@WebServlet("/error")
public class ProblemErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer c ? c : 404;
        ProblemException problem;
        if (failure != null || status >= 500) {
            ProblemException unexpected = UnexpectedExceptionMapper.unexpected(failure, status);
            problem = status >= 500 ? unexpected : ProblemException.ofStatus(status, null);
        } else {
            problem = ProblemException.ofStatus(status, status == 404 ? "detail.nothing-here"
                    : status == 403 ? "detail.page-forbidden" : null);
        }
        if (wantsPage(request)) {
            page(request, response, problem);
        } else {
            Problems.write(request, response, problem);
        }
    }

    /** A browser navigating to a page (not a script asking for data) gets a page it can show. */
    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !request.getRequestURI().contains("/api/");
    }

    private static void page(HttpServletRequest request, HttpServletResponse response, ProblemException e) throws IOException {
        Locale locale = Languages.choose(request.getHeader("Accept-Language"));
        Problem problem = Problem.of(e, locale);
        response.setStatus(problem.status());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", locale.toLanguageTag());
        String home = request.getContextPath() + "/";
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\"><title>"
                + problem.status() + " " + html(problem.title()) + "</title><link rel=\"icon\" href=\"data:,\">"
                + "<link rel=\"stylesheet\" href=\"" + home + "hallpass.css\"></head><body><main><h1>" + problem.status() + " "
                + html(problem.title()) + "</h1><p id=\"detail\">" + html(problem.detail()) + "</p><p><a href=\"" + home
                + "\">" + html(Problems.text(locale, "page.home")) + "</a> · <a href=\"" + home + "devices.xhtml\">"
                + html(Problems.text(locale, "page.devices")) + "</a></p></main></body></html>");
    }

    private static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
