package dev.hallpass.apps.boundary;

import dev.hallpass.apps.control.Acknowledgements;
import dev.hallpass.apps.control.Signal;
import dev.hallpass.token.boundary.AccessTokens;
import dev.hallpass.token.boundary.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Security Event Tokens (RFC 8417, {@code typ: secevent+jwt}) for the feed, signed with the access tokens'
 * key: CAEP {@code session-revoked} with the session ({@code sub_id.session.id}, the access tokens' {@code sid})
 * and the user ({@code sub_id.user.sub}, their {@code sub}), or CAEP {@code credential-change} with the user.
 * The reason is in {@code reason_admin}, the time of the change in {@code event_timestamp}.
 */
@ApplicationScoped
public class SecurityEventTokens {

    @Inject
    SigningKeys keys;

    @Inject
    Clock clock;

    @Inject
    AccessTokens accessTokens;

    public String mint(Signal signal, String streamId, String audience) {
        String issuer = accessTokens.issuer();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setJwtId(Acknowledgements.jti(streamId, signal.position()));
        claims.setIssuedAt(NumericDate.fromMilliseconds(clock.millis()));
        Map<String, Object> user = Map.of("format", "iss_sub", "iss", issuer, "sub", signal.username());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_timestamp", signal.occurredAt().getEpochSecond());
        event.put("initiating_entity", initiatingEntity(signal));
        event.put("reason_admin", Map.of("en", signal.reason().toLowerCase(Locale.ROOT).replace('_', ' ')));
        if (signal.kind() == Signal.Kind.SESSION_REVOKED) {
            claims.setClaim("sub_id", Map.of("format", "complex", "user", user,
                    "session", Map.of("format", "opaque", "id", signal.sessionHandle())));
        } else {
            claims.setClaim("sub_id", user);
            event.put("credential_type", "password");
            event.put("change_type", switch (signal.reason()) {
                case "DISABLED", "ERASED" -> "revoke"; // the account can no longer be used (AccountChanged.Change)
                default -> "update";
            });
        }
        claims.setClaim("events", Map.of(signal.kind().uri(), event));
        return keys.sign(claims.toJson(), "secevent+jwt");
    }

    /** CAEP's initiating entity: the user, an administrator, a policy of Hallpass, or the system (a timeout). */
    private static String initiatingEntity(Signal signal) {
        return switch (signal.reason()) {
            case "LOGOUT", "LOGOUT_ALL", "REPLACED_BY_LOGIN", "PASSWORD_CHANGED" -> "user";
            case "KILLED", "ACCOUNT_DISABLED", "PRIVILEGE_CHANGED", "DISABLED", "ERASED" -> "admin";
            case "IDLE_TIMEOUT", "ABSOLUTE_TIMEOUT" -> "system";
            default -> "policy";
        };
    }
}
