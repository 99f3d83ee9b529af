package org.flowfield.api;

import java.security.Principal;
import java.util.UUID;

/** Who calls the API: the account whose access token came with the request. */
public record ApiCaller(UUID accountId, String username) implements Principal {

    @Override
    public String getName() {
        return username;
    }
}
