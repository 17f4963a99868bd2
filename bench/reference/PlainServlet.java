package bench;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Benchmark reference (never part of Hallpass): what /auth/verify answers, without any check — the
 * baseline of bench/applications.sh's proxy-check ratio.
 */
@WebServlet("/plain")
public class PlainServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Hallpass-User", "bench");
        response.setHeader("X-Hallpass-Roles", "user");
        response.setHeader("X-Hallpass-Session", "0123456789abcdef0123456789abcdef");
        response.setStatus(200);
    }
}
