package dev.hallpass.testsupport.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/**
 * Deployed only in tests: what the database holds as a spent refresh token's successor, so a test can
 * play the attacker with a copy of the database (and the key-encryption key) and try to read it.
 */
@ApplicationScoped
@Path("test-support/refresh-successor")
public class RefreshTokenRows {

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @GET
    public String successor(@QueryParam("hash") String tokenHash) {
        List<?> rows = em.createNativeQuery("select successor_encrypted from hp_refresh_token where token_hash = ?1")
                .setParameter(1, tokenHash).getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            throw new NotFoundException();
        }
        return rows.get(0).toString();
    }
}
