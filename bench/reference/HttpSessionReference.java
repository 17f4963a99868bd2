package bench;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Benchmark reference (never part of Hallpass): the container's own in-memory HttpSession.
 * GET /reference/status answers like Hallpass's /api/auth/status; ?create=true opens a session.
 */
@WebServlet("/status")
public class HttpSessionReference extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession("true".equals(request.getParameter("create")));
        if (session != null && session.getAttribute("user") == null) {
            session.setAttribute("user", "bench");
        }
        response.setContentType("application/json");
        response.getWriter().write(session == null ? "{\"authenticated\":false}"
                : "{\"authenticated\":true,\"username\":\"" + session.getAttribute("user") + "\"}");
    }
}
