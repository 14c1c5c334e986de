package dev.tollgate.appsync.dynamodb;

/**
 * A DynamoDB call that did not succeed: DynamoDB's own error (its {@code __type}, such as
 * {@code ConditionalCheckFailedException}, and the HTTP status), or a failure to reach it or to read
 * its answer. The message is for the log; it may name the table, never item data.
 */
public final class DynamoDbException extends RuntimeException {

    /** The type of a failure that never reached an answer from DynamoDB (connection, timeout, bad answer). */
    public static final String TRANSPORT = "Transport";

    private final String errorType;
    private final int status;
    private final boolean retryable;

    DynamoDbException(String errorType, int status, boolean retryable, String message) {
        super(errorType + (status > 0 ? " (HTTP " + status + ")" : "") + ": " + message, null, false, false);
        this.errorType = errorType;
        this.status = status;
        this.retryable = retryable;
    }

    static DynamoDbException transport(String message) {
        return new DynamoDbException(TRANSPORT, 0, true, message);
    }

    /** An answer that arrived with {@code status} but cannot be read: sending again would not help. */
    static DynamoDbException malformedAnswer(int status, String message) {
        return new DynamoDbException(TRANSPORT, status, false, message);
    }

    /** DynamoDB's error type without its namespace, e.g. {@code ConditionalCheckFailedException}. */
    public String errorType() {
        return errorType;
    }

    /** The HTTP status of DynamoDB's answer; 0 when there was none. */
    public int status() {
        return status;
    }

    /** Whether the same call may succeed if sent again: throttling, a 5xx, or no answer at all. */
    public boolean retryable() {
        return retryable;
    }

    public boolean isConditionalCheckFailed() {
        return errorType.equals("ConditionalCheckFailedException");
    }
}
