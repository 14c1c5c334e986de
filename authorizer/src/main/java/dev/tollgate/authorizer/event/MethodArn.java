package dev.tollgate.authorizer.event;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code methodArn}: {@code arn:<partition>:execute-api:<region>:<account>:<apiId>/<stage>/<VERB>/<path>}.
 *
 * @param value    the ARN exactly as received
 * @param apiScope the same ARN prefix up to the stage ({@code arn:...:<apiId>/<stage>})
 * @param verb     the HTTP verb segment
 */
public record MethodArn(String value, String apiScope, String verb) {

    // Partition, region, account and API id are plain tokens; the path after the verb is the concrete
    // request path (possibly percent-decoded, so spaces may occur) and may not contain control characters.
    private static final Pattern SHAPE = Pattern.compile(
            "(arn:aws[a-z-]*:execute-api:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9]+/[A-Za-z0-9_-]+)/([A-Z]+|\\*)/[^\\p{Cntrl}]*");

    /** The size limit API Gateway puts on an authorized ARN (its own quota; longer gets 414). */
    static final int MAX_LENGTH = 1600;

    static MethodArn parse(String value) throws MalformedEventException {
        if (value == null || value.isEmpty()) {
            throw new MalformedEventException("methodArn is missing");
        }
        if (value.length() > MAX_LENGTH) {
            throw new MalformedEventException("methodArn is longer than " + MAX_LENGTH + " characters");
        }
        Matcher m = SHAPE.matcher(value);
        if (!m.matches()) {
            throw new MalformedEventException("methodArn is not an execute-api method ARN");
        }
        return new MethodArn(value, m.group(1), m.group(2));
    }
}
