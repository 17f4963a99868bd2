package dev.hallpass.testsupport.downstream;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** A downstream service that trusts Hallpass through MicroProfile JWT configuration alone (test only). */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
public class OrdersApplication extends Application {
}
