package dev.tollgate.authapi.emailpassword;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.authapi.error.ApiException.BadRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code formFields} the way supertokens-node does: structural problems are 400s with node's
 * messages, content problems are collected into FIELD_ERROR (a 200 answer).
 */
public final class FormFields {

    static final String EMAIL = "email";
    static final String PASSWORD = "password";

    /** The validators of one form: sign-up checks the password's strength, sign-in does not. */
    public enum Form {
        SIGN_UP(FieldValidators::password),
        SIGN_IN(password -> Optional.empty());

        private final Function<String, Optional<String>> passwordValidator;

        Form(Function<String, Optional<String>> passwordValidator) {
            this.passwordValidator = passwordValidator;
        }
    }

    /** One field's error as FIELD_ERROR lists it. */
    public record FieldError(String id, String error) {}

    /** Either credentials to send to the core, or the field errors to send back. */
    public sealed interface Outcome {
        record Valid(String email, String password) implements Outcome {}

        record Invalid(List<FieldError> errors) implements Outcome {}
    }

    private record Field(String id, JsonNode value) {}

    private FormFields() {}

    public static Outcome read(ObjectNode body, Form form) {
        List<Field> fields = structure(body.get("formFields"));
        if (fields.size() > 2) {
            throw new BadRequest("Are you sending too many formFields?");
        }
        List<FieldError> errors = new ArrayList<>();
        String email = check(fields, EMAIL, FieldValidators::email, errors);
        String password = check(fields, PASSWORD, form.passwordValidator, errors);
        return errors.isEmpty() ? new Outcome.Valid(email, password) : new Outcome.Invalid(errors);
    }

    private static List<Field> structure(JsonNode raw) {
        if (raw == null) {
            throw new BadRequest("Missing input param: formFields");
        }
        if (!raw.isArray()) {
            throw new BadRequest("formFields must be an array");
        }
        List<Field> fields = new ArrayList<>();
        for (JsonNode element : raw) {
            if (!element.isObject()) {
                throw new BadRequest("All elements of formFields must be an object");
            }
            JsonNode id = element.get("id");
            JsonNode value = element.get("value");
            // node checks `value === undefined`: an explicit null passes this test
            if (id == null || !id.isTextual() || value == null) {
                throw new BadRequest("All elements of formFields must contain an 'id' and 'value' field");
            }
            String name = id.asText();
            if ((EMAIL.equals(name) || PASSWORD.equals(name)) && !value.isTextual()) {
                throw new BadRequest(name + " value must be a string");
            }
            fields.add(new Field(name, value));
        }
        return fields;
    }

    /** Returns the field's value (email trimmed) when it passed, null after recording an error. */
    private static String check(
            List<Field> fields, String id, Function<String, Optional<String>> validator, List<FieldError> errors) {
        Optional<Field> field = fields.stream().filter(f -> f.id().equals(id)).findFirst();
        String value = field.map(f -> f.value().asText()).orElse("");
        if (EMAIL.equals(id)) {
            value = trimJs(value);
        }
        if (value.isEmpty()) {
            errors.add(new FieldError(id, "Field is not optional"));
            return null;
        }
        Optional<String> error = validator.apply(value);
        if (error.isPresent()) {
            errors.add(new FieldError(id, error.get()));
            return null;
        }
        return value;
    }

    /** JavaScript's {@code String.prototype.trim}: whitespace and line terminators, Unicode-aware. */
    static String trimJs(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isJsWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isJsWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isJsWhitespace(char c) {
        return c == '\t'
                || c == '\n'
                || c == '\u000B'
                || c == '\f'
                || c == '\r'
                || c == ' '
                || c == '\u00A0'
                || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A')
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u202F'
                || c == '\u205F'
                || c == '\u3000'
                || c == '\uFEFF';
    }
}
