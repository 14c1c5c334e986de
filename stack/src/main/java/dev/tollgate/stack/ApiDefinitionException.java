package dev.tollgate.stack;

/**
 * A definition of the stack cannot be used: the REST API's or the AppSync API's file is unreadable, not
 * YAML, has an unfilled placeholder, or a construct the gateway or AppSync emulator does not understand. The message is one line that names the file and the problem, so a
 * launcher can print it as is.
 */
public final class ApiDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ApiDefinitionException(String message) {
        super(oneLine(message));
    }

    public ApiDefinitionException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
