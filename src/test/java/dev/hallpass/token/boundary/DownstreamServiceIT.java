package dev.hallpass.token.boundary;

import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.PayaraMicroProcess;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.downstream.OrdersApplication;
import dev.hallpass.testsupport.downstream.OrdersResource;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A second, tiny WAR next to Hallpass on the same Payara Micro, configured with nothing but
 * MicroProfile JWT settings (the JWKS URL and the issuer), accepts Hallpass access tokens.
 */
class DownstreamServiceIT {

    @Test
    void aMicroProfileJwtServiceAcceptsHallpassAccessTokensFromItsJwksAlone() {
        Path work = Deployments.freshDataDirectory("downstream");
        int port = PayaraMicroProcess.freePort();
        String issuer = "http://127.0.0.1:" + port;
        WebArchive orders = ShrinkWrap.create(WebArchive.class, "orders.war")
                .addClasses(OrdersApplication.class, OrdersResource.class)
                .addAsResource(new StringAsset("mp.jwt.verify.publickey.location=" + issuer + "/.well-known/jwks.json\n"
                        + "mp.jwt.verify.issuer=" + issuer + "\n"
                        + "mp.jwt.verify.audiences=orders\n"), "META-INF/microprofile-config.properties")
                // Payara's MP-JWT extension finds @LoginConfig only on classes CDI discovers.
                .addAsWebInfResource(new StringAsset("<beans bean-discovery-mode=\"all\"/>"), "beans.xml");
        File ordersWar = work.resolve("orders.war").toFile();
        orders.as(ZipExporter.class).exportTo(ordersWar, true);
        Map<String, String> settings = new HashMap<>(Deployments.testSettings());
        settings.putAll(Map.of(
                "hallpass.db.url", "jdbc:h2:file:" + work.resolve("hallpass"),
                "hallpass.token.issuer", issuer,
                "hallpass.token.audience", "hallpass,orders",
                "hallpass.token.type", "JWT"));

        try (PayaraMicroProcess server = PayaraMicroProcess.start(Deployments.packagedWar(), List.of(ordersWar), port, work, settings)) {
            Http hallpass = new Http(server.baseUri());
            String session = Logins.adminSecret(hallpass);
            Reply issued = hallpass.send("POST", "api/auth/token", null, null, cookie(session));
            assertEquals(200, issued.status(), issued::toString);
            String token = issued.json().getString("access_token");

            Reply onHallpass = hallpass.get("api/auth/me", "Authorization", "Bearer " + token);
            Reply accepted = hallpass.get("orders/api/orders", "Authorization", "Bearer " + token);
            Reply anonymous = hallpass.get("orders/api/orders");
            String[] parts = token.split("\\.");
            Reply tampered = hallpass.get("orders/api/orders", "Authorization", "Bearer " + parts[0] + "." + parts[1] + "."
                    + new StringBuilder(parts[2]).reverse());

            assertEquals(200, onHallpass.status(), "Hallpass itself, with the production clock: " + onHallpass);
            assertEquals(200, accepted.status(), accepted::toString);
            assertTrue(accepted.body().startsWith("orders of admin in session "), accepted.body());
            assertEquals(401, anonymous.status());
            assertEquals(401, tampered.status());
        }
    }
}
