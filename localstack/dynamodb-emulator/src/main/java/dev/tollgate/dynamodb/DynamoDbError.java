package dev.tollgate.dynamodb;

/**
 * A request DynamoDB refuses. Every refusal the emulator produces is one of these; {@link ProtocolFront}
 * renders them all the same way, as DynamoDB does: HTTP 400 and {@code {"__type": ..., "message": ...}}.
 */
final class DynamoDbError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The error codes the emulator answers with, with the {@code __type} namespace DynamoDB uses for each. */
    enum Code {
        VALIDATION("com.amazon.coral.validate#ValidationException"),
        SERIALIZATION("com.amazon.coral.service#SerializationException"),
        UNKNOWN_OPERATION("com.amazon.coral.service#UnknownOperationException"),
        CONDITIONAL_CHECK_FAILED("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException"),
        RESOURCE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"),
        RESOURCE_IN_USE("com.amazonaws.dynamodb.v20120810#ResourceInUseException");

        final String type;

        Code(String type) {
            this.type = type;
        }
    }

    final Code code;

    private DynamoDbError(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static DynamoDbError validation(String message) {
        return new DynamoDbError(Code.VALIDATION, message);
    }

    static DynamoDbError invalidParameter(String detail) {
        return validation("One or more parameter values were invalid: " + detail);
    }

    static DynamoDbError constraint(String value, String member, String constraint) {
        return validation("1 validation error detected: Value " + value + " at '" + member
                + "' failed to satisfy constraint: Member " + constraint);
    }

    static DynamoDbError serialization(String message) {
        return new DynamoDbError(Code.SERIALIZATION, message);
    }

    static DynamoDbError unknownOperation() {
        return new DynamoDbError(Code.UNKNOWN_OPERATION, null);
    }

    static DynamoDbError conditionalCheckFailed() {
        return new DynamoDbError(Code.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
    }

    static DynamoDbError resourceNotFound(String message) {
        return new DynamoDbError(Code.RESOURCE_NOT_FOUND, message);
    }

    static DynamoDbError tableNotFound() {
        return resourceNotFound("Requested resource not found");
    }

    static DynamoDbError resourceInUse(String message) {
        return new DynamoDbError(Code.RESOURCE_IN_USE, message);
    }
}
