package dev.tollgate.authapi.emailpassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.authapi.emailpassword.FormFields.FieldError;
import dev.tollgate.authapi.emailpassword.FormFields.Form;
import dev.tollgate.authapi.emailpassword.FormFields.Outcome;
import dev.tollgate.authapi.error.ApiException.BadRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormFieldsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json);
    }

    private static void assertBadRequest(String json, String message) {
        assertThatThrownBy(() -> FormFields.read(body(json), Form.SIGN_UP))
                .isInstanceOf(BadRequest.class)
                .hasMessage(message);
    }

    @Test
    void structuralProblemsAre400sWithNodesMessages() {
        assertBadRequest("{}", "Missing input param: formFields");
        assertBadRequest("{\"formFields\":null}", "formFields must be an array");
        assertBadRequest("{\"formFields\":{}}", "formFields must be an array");
        assertBadRequest("{\"formFields\":[1]}", "All elements of formFields must be an object");
        assertBadRequest("{\"formFields\":[null]}", "All elements of formFields must be an object");
        assertBadRequest(
                "{\"formFields\":[{\"value\":\"x\"}]}",
                "All elements of formFields must contain an 'id' and 'value' field");
        assertBadRequest(
                "{\"formFields\":[{\"id\":3,\"value\":\"x\"}]}",
                "All elements of formFields must contain an 'id' and 'value' field");
        assertBadRequest(
                "{\"formFields\":[{\"id\":\"email\"}]}",
                "All elements of formFields must contain an 'id' and 'value' field");
        assertBadRequest("{\"formFields\":[{\"id\":\"email\",\"value\":5}]}", "email value must be a string");
        assertBadRequest("{\"formFields\":[{\"id\":\"password\",\"value\":null}]}", "password value must be a string");
        assertBadRequest(
                "{\"formFields\":[{\"id\":\"email\",\"value\":\"a@b.co\"},{\"id\":\"password\",\"value\":\"abcdefg1\"},"
                        + "{\"id\":\"name\",\"value\":\"x\"}]}",
                "Are you sending too many formFields?");
    }

    @Test
    void validFieldsComeBackWithTheEmailTrimmed() throws Exception {
        Outcome outcome = FormFields.read(
                body("{\"formFields\":[{\"id\":\"email\",\"value\":\"  A@Example.com\\t\"},"
                        + "{\"id\":\"password\",\"value\":\" pass word 1 \"}]}"),
                Form.SIGN_UP);
        assertThat(outcome).isEqualTo(new Outcome.Valid("A@Example.com", " pass word 1 "));
    }

    @Test
    void contentProblemsAreCollectedAsFieldErrors() throws Exception {
        Outcome outcome = FormFields.read(
                body("{\"formFields\":[{\"id\":\"email\",\"value\":\"nope\"},"
                        + "{\"id\":\"password\",\"value\":\"short1\"}]}"),
                Form.SIGN_UP);
        assertThat(outcome)
                .isEqualTo(new Outcome.Invalid(List.of(
                        new FieldError("email", "Email is invalid"),
                        new FieldError(
                                "password", "Password must contain at least 8 characters, including a number"))));
    }

    @Test
    void missingOrEmptyFieldsAreNotOptional() throws Exception {
        Outcome outcome =
                FormFields.read(body("{\"formFields\":[{\"id\":\"email\",\"value\":\"   \"}]}"), Form.SIGN_IN);
        assertThat(outcome)
                .isEqualTo(new Outcome.Invalid(List.of(
                        new FieldError("email", "Field is not optional"),
                        new FieldError("password", "Field is not optional"))));
    }

    @Test
    void signInDoesNotJudgeThePasswordButStillTheEmail() throws Exception {
        assertThat(FormFields.read(
                        body("{\"formFields\":[{\"id\":\"email\",\"value\":\"a@b.co\"},"
                                + "{\"id\":\"password\",\"value\":\"x\"}]}"),
                        Form.SIGN_IN))
                .isEqualTo(new Outcome.Valid("a@b.co", "x"));
        assertThat(FormFields.read(
                        body("{\"formFields\":[{\"id\":\"email\",\"value\":\"a@b\"},"
                                + "{\"id\":\"password\",\"value\":\"x\"}]}"),
                        Form.SIGN_IN))
                .isEqualTo(new Outcome.Invalid(List.of(new FieldError("email", "Email is invalid"))));
    }
}
