package org.flowfield.api.tokens;

/**
 * A token just created, with its secret: the only time the secret is available. The secret is left
 * out of {@link #toString()} so that it never ends up in a log.
 */
public record NewAccessToken(AccessToken token, String secret) {

    @Override
    public String toString() {
        return "NewAccessToken[token=" + token + ", secret=<hidden>]";
    }
}
