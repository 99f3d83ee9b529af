package org.flowfield.api.tokens;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal access token as its owner sees it: never the secret itself, which is shown once when
 * the token is created and stored only as a hash.
 *
 * @param name what the owner called it, e.g. "seed sweep notebook"
 * @param lastUsedAt when the API last accepted it (to the minute), or null if never
 */
public record AccessToken(UUID id, UUID accountId, String name, Instant createdAt, Instant lastUsedAt) {}
