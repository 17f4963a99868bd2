package dev.hallpass.testsupport.server;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Deployed only in tests: opens a container HttpSession so its JSESSIONID cookie can be inspected. */
@WebServlet("/test-support/container-session")
public class ContainerSessionProbe extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getSession(true);
        response.setContentType("text/plain");
        response.getWriter().write("session opened");
    }
}
