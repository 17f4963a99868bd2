package dev.hallpass.token.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /.well-known/jwks.json} (public keys only) and {@code /.well-known/openid-configuration}
 * (issuer and jwks_uri), so that standard verifiers — MicroProfile JWT among them — find the keys.
 */
@WebServlet({WellKnownDocuments.JWKS, WellKnownDocuments.METADATA})
public class WellKnownDocuments extends HttpServlet {

    static final String JWKS = "/.well-known/jwks.json";
    static final String METADATA = "/.well-known/openid-configuration";

    @Inject
    SigningKeys keys;

    @Inject
    AccessTokens tokens;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=60");
        if (JWKS.equals(request.getServletPath())) {
            response.getWriter().write(keys.jwks());
            return;
        }
        // Every URL comes from the configured issuer, never from the request's Host header or scheme: a
        // shared cache would otherwise keep a document pointing verifiers at whatever host a client named,
        // and behind a TLS proxy the keys would be advertised over http (review L2).
        response.getWriter().write(Json.createObjectBuilder()
                .add("issuer", tokens.issuer())
                .add("jwks_uri", tokens.issuerUrl(JWKS))
                .add("token_endpoint", tokens.issuerUrl("/api/auth/token"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add(keys.algorithm()))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .build().toString());
    }
}
