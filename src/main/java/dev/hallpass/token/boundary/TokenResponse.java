package dev.hallpass.token.boundary;

/** RFC 6749 token response body. */
public record TokenResponse(String access_token, String token_type, long expires_in) {

    static TokenResponse bearer(IssuedAccessToken token) {
        return new TokenResponse(token.token(), "Bearer", token.expiresInSeconds());
    }

    @Override
    public String toString() {
        return "TokenResponse[expires_in=" + expires_in + "]";
    }
}
