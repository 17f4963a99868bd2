package dev.hallpass.apps.boundary;

import dev.hallpass.token.boundary.AccessTokens;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /.well-known/ssf-configuration} (OpenID Shared Signals Framework 1.0 §7): where receivers manage
 * their streams, which delivery methods exist, and the keys the SETs are signed with. Every URL comes from
 * the configured issuer, never from the request.
 */
@WebServlet("/.well-known/ssf-configuration")
public class SsfConfiguration extends HttpServlet {

    @Inject
    AccessTokens tokens;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=60");
        response.getWriter().write(Json.createObjectBuilder()
                .add("spec_version", "1_0")
                .add("issuer", tokens.issuer())
                .add("jwks_uri", tokens.issuerUrl("/.well-known/jwks.json"))
                .add("delivery_methods_supported", Json.createArrayBuilder().add("urn:ietf:rfc:8935").add("urn:ietf:rfc:8936"))
                .add("configuration_endpoint", tokens.issuerUrl("/api/ssf/streams"))
                .add("status_endpoint", tokens.issuerUrl("/api/ssf/status"))
                .add("authorization_schemes", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("spec_urn", "urn:ietf:rfc:7617"))) // HTTP Basic client credentials
                .add("default_subjects", "ALL")
                .build().toString());
    }
}
