package dev.tollgate.authapi.emailpassword;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The default form-field validators of supertokens-node's emailpassword recipe, with its messages
 * (the frontend shows them to the user as they are).
 */
public final class FieldValidators {

    /** JavaScript's {@code \s}: Java's own class misses the Unicode spaces JS includes. */
    private static final String JS_SPACE =
            "\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

    /** node's email pattern; {@code .} does not match line terminators in either language. */
    private static final Pattern EMAIL = Pattern.compile(
            "^(([^<>()\\[\\]\\\\.,;:" + JS_SPACE + "@\"]+(\\.[^<>()\\[\\]\\\\.,;:" + JS_SPACE + "@\"]+)*)|(\".+\"))"
                    + "@((\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}])|(([a-zA-Z\\-0-9]+\\.)+[a-zA-Z]{2,}))$");

    private static final Pattern HAS_LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern HAS_DIGIT = Pattern.compile("[0-9]");

    private FieldValidators() {}

    /** The error message for an invalid email, or empty when it is acceptable. */
    public static Optional<String> email(String value) {
        // JS anchors with ^...$ and without the m flag, so a trailing line terminator fails as here.
        return EMAIL.matcher(value).matches() ? Optional.empty() : Optional.of("Email is invalid");
    }

    /** The error message for an unacceptable sign-up password, or empty. Lengths in UTF-16 units, as JS. */
    public static Optional<String> password(String value) {
        if (value.length() < 8) {
            return Optional.of("Password must contain at least 8 characters, including a number");
        }
        if (value.length() >= 100) {
            return Optional.of("Password's length must be lesser than 100 characters");
        }
        if (!containsOutsideLineBreaks(value, HAS_LETTER)) {
            return Optional.of("Password must contain at least one alphabet");
        }
        if (!containsOutsideLineBreaks(value, HAS_DIGIT)) {
            return Optional.of("Password must contain at least one number");
        }
        return Optional.empty();
    }

    /**
     * node tests {@code /^.*[A-Za-z]+.*$/}: without the s flag the match must lie on one line and that
     * line must be the whole string, so a password with a line break never passes.
     */
    private static boolean containsOutsideLineBreaks(String value, Pattern wanted) {
        return value.chars().noneMatch(FieldValidators::isJsLineTerminator)
                && wanted.matcher(value).find();
    }

    private static boolean isJsLineTerminator(int c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }
}
