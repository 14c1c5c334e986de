package dev.tollgate.session.create;

import dev.tollgate.session.transfer.ResponseTokens;

/**
 * The outcome of {@link SessionCreator#create}: the session exists in the core.
 *
 * @param userId the primary user id of the session (the core's answer, which may differ from the recipe user id)
 * @param responseTokens everything the response must carry for it: the clearing of an access token the request
 *        sent in the other transfer method, then the access and refresh tokens, {@code front-token} and the
 *        anti-CSRF token (if any) in the transfer method the request asked for
 */
public record NewSession(String userId, ResponseTokens responseTokens) {}
