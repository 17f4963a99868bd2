package dev.hallpass.token.boundary;

/** An access token with the refresh token that renews it. */
public record TokenPair(IssuedAccessToken access, String refreshToken, java.time.Instant refreshExpiresAt) {

    @Override
    public String toString() {
        return "TokenPair[" + access + "]";
    }
}
