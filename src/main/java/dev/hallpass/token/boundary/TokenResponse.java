package dev.hallpass.token.boundary;

/** RFC 6749 token response body; {@code refresh_token} only for clients that keep it themselves. */
public record TokenResponse(String access_token, String token_type, long expires_in, String refresh_token) {

    public static TokenResponse bearer(IssuedAccessToken token) {
        return new TokenResponse(token.token(), "Bearer", token.expiresInSeconds(), null);
    }

    public static TokenResponse withRefresh(TokenPair pair) {
        return new TokenResponse(pair.access().token(), "Bearer", pair.access().expiresInSeconds(), pair.refreshToken());
    }

    @Override
    public String toString() {
        return "TokenResponse[expires_in=" + expires_in + "]";
    }
}
