package dev.hallpass.token.boundary;

/** A signed access token and how many seconds it lives. */
public record IssuedAccessToken(String token, long expiresInSeconds) {

    @Override
    public String toString() {
        return "IssuedAccessToken[expiresIn=" + expiresInSeconds + "s]";
    }
}
