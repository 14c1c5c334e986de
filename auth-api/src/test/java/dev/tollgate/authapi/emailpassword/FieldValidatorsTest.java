package dev.tollgate.authapi.emailpassword;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldValidatorsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a@b.co",
                "john.doe@example.com",
                "x+tag@sub.example.org",
                "\"quoted name\"@example.com",
                "user@[192.168.0.1]",
                "a-b@c-d.example.io"
            })
    void acceptsWhatNodeAccepts(String email) {
        assertThat(FieldValidators.email(email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "a@b",
                "a@b.c",
                "a@@b.com",
                "a b@c.com",
                "a@b.com\n",
                ".a@b.com",
                "a.@b.com",
                "a@b_c.com",
                "a@b.c0m",
                "a\u00a0b@c.com",
                "(a)@b.com"
            })
    void rejectsWhatNodeRejects(String email) {
        assertThat(FieldValidators.email(email)).contains("Email is invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefg1", "password123", "1234567a", "ÄÖÜ ok 12 spaces"})
    void acceptsPasswordsWithALetterAndADigit(String password) {
        assertThat(FieldValidators.password(password)).isEmpty();
    }

    @Test
    void namesEachPasswordRuleWithNodesMessage() {
        assertThat(FieldValidators.password("abc1"))
                .contains("Password must contain at least 8 characters, including a number");
        assertThat(FieldValidators.password("a1".repeat(50)))
                .contains("Password's length must be lesser than 100 characters");
        assertThat(FieldValidators.password("a1".repeat(49) + "x")).isEmpty();
        assertThat(FieldValidators.password("12345678")).contains("Password must contain at least one alphabet");
        assertThat(FieldValidators.password("abcdefgh")).contains("Password must contain at least one number");
        // node's /^.*[A-Za-z]+.*$/ cannot span a line break
        assertThat(FieldValidators.password("abcd\n1234")).contains("Password must contain at least one alphabet");
    }
}
