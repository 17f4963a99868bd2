package dev.hallpass.token.boundary;

import dev.hallpass.problem.ProblemException;
import dev.hallpass.token.control.ClientCredentials;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The registered clients of {@code hallpass.token.clients} (resource servers, the shop's other
 * applications), checked by HTTP Basic: introspection, revocation, the revocation feed and session checks.
 */
@ApplicationScoped
public class TokenClients {

    private ClientCredentials credentials;

    /** Read programmatically: Payara cannot inject an {@code Optional<List<String>>} config property. */
    @PostConstruct
    void readClients() {
        credentials = new ClientCredentials(ConfigProvider.getConfig()
                .getOptionalValues("hallpass.token.clients", String.class).orElse(List.of()));
    }

    /** The client id the {@code Authorization} header proves, or 401 {@code invalid_client}. */
    public String require(String authorization) {
        return credentials.authenticate(authorization).orElseThrow(InvalidClient::new);
    }

    /** 401 {@code invalid_client}, with the Basic challenge RFC 6749 asks for. */
    public static final class InvalidClient extends ProblemException {
        InvalidClient() {
            super(401, "invalid-client");
        }

        @Override
        public String errorCode() {
            return "invalid_client";
        }

        @Override
        public String challenge() {
            return "Basic realm=\"hallpass\"";
        }
    }
}
