package dev.hallpass.token.control;

import dev.hallpass.token.entity.SigningKey;
import java.time.Instant;
import java.util.List;

/** The signing keys; implemented with JPA in infrastructure. */
public interface SigningKeyRepository {

    /** Keys still published at {@code now}, newest first. */
    List<SigningKey> findPublished(Instant now);

    void add(SigningKey key);

    /**
     * Stops every key but {@code keep} from signing at {@code now} and, with {@code unpublish}, withdraws them from the
     * JWKS at once (a leaked key: its tokens are refused from now on). Returns how many keys it changed.
     */
    int retire(Instant now, boolean unpublish, String keep);
}
