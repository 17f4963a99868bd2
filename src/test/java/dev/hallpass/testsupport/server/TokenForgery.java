package dev.hallpass.testsupport.server;

import dev.hallpass.token.boundary.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Deployed only in tests: signs any claims with the server's real current key, so tests can prove
 * that a correctly signed token with the wrong issuer, audience or type is still refused.
 */
@ApplicationScoped
@Path("test-support/forge")
public class TokenForgery {

    @Inject
    SigningKeys keys;

    @POST
    @Consumes("application/json")
    public String sign(String claimsJson, @QueryParam("typ") String typ) throws JoseException {
        PublicJsonWebKey key = keys.signingKey();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claimsJson);
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(key.getAlgorithm());
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        return jws.getCompactSerialization();
    }
}
