package dev.tollgate.authorizer.event;

import dev.tollgate.session.http.Headers;

/**
 * The parts of an API Gateway REST {@code REQUEST} authorizer event that a decision needs.
 *
 * @param methodArn  ARN of the method being called ({@code arn:...:{apiId}/{stage}/{VERB}/{path}})
 * @param httpMethod request verb, upper case
 * @param resource   the matched resource template, e.g. {@code /verified/graphql} (route key for claims)
 * @param requestId  API Gateway's request id ({@code requestContext.requestId}); may be {@code null}
 * @param headers    every client header, case-insensitive; {@code multiValueHeaders} wins over {@code headers}
 */
public record AuthorizerEvent(
        MethodArn methodArn, String httpMethod, String resource, String requestId, Headers headers) {}
