package org.flowfield.api.tokens;

import java.util.UUID;

/** No token with this id exists for the caller; another account's token answers exactly the same. */
public class AccessTokenNotFoundException extends RuntimeException {

    public AccessTokenNotFoundException(UUID tokenId) {
        super("Access token " + tokenId + " was not found");
    }
}
