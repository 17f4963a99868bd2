package dev.hallpass.infrastructure.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All JSON resources live under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
