package dev.hallpass.infrastructure.web;

import dev.hallpass.web.SameSite;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The container's own session cookie (JSESSIONID, used by JSF pages) gets the same attributes as
 * ours: Secure, HttpOnly and SameSite, through the Servlet 6 cookie attribute API.
 */
@WebListener
public class ContainerSessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String sameSite = ConfigProvider.getConfig().getOptionalValue("hallpass.cookie.same-site", String.class).orElse("Lax");
        SessionCookieConfig config = event.getServletContext().getSessionCookieConfig();
        config.setHttpOnly(true);
        config.setSecure(true);
        config.setAttribute("SameSite", SameSite.parse(sameSite));
    }
}
