package dev.tollgate.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads environment-style variables with one set of rules: values are trimmed, an empty or blank value
 * counts as unset, and every failure is a {@link ConfigException} that names the variable and what it
 * accepts without quoting the value.
 */
public final class EnvReader {

    private final Map<String, String> env;

    private EnvReader(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    public static EnvReader of(Map<String, String> env) {
        return new EnvReader(env);
    }

    /** The process environment. */
    public static EnvReader system() {
        return new EnvReader(System.getenv());
    }

    /** The trimmed value, or empty when the variable is unset or blank. */
    public Optional<String> optional(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The trimmed value; unset or blank fails with {@code accepted} in the message. */
    public String required(String name, String accepted) {
        return optional(name).orElseThrow(() -> new ConfigException(name, accepted, "not set"));
    }

    /** {@code true} or {@code false} in any case; {@code fallback} when unset. */
    public boolean bool(String name, boolean fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(name, "true, false", "not a boolean");
        };
    }

    /** One of the enum's constant names, in any case; empty when unset. */
    public <E extends Enum<E>> Optional<E> enumOf(String name, Class<E> type) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.get())) {
                return Optional.of(constant);
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new ConfigException(name, accepted + ", in any case", "not one of the accepted values");
    }

    /** One of the enum's constant names, in any case; {@code fallback} when unset. */
    public <E extends Enum<E>> E enumOf(String name, Class<E> type, E fallback) {
        return enumOf(name, type).orElse(fallback);
    }

    /** A whole number between {@code min} and {@code max} inclusive; empty when unset. */
    public OptionalLong longBetween(String name, long min, long max) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        String accepted =
                max == Long.MAX_VALUE ? "a whole number >= " + min : "a whole number from " + min + " to " + max;
        long parsed;
        try {
            parsed = Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(name, accepted, "not a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new ConfigException(name, accepted, "out of range");
        }
        return OptionalLong.of(parsed);
    }

    /** A whole number >= 1; {@code fallback} when unset. */
    public long positiveLong(String name, long fallback) {
        return longBetween(name, 1, Long.MAX_VALUE).orElse(fallback);
    }

    /** An absolute http or https URL with a host; empty when unset. */
    public Optional<URI> httpUrl(String name) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String accepted = "an absolute http(s) URL";
        URI uri;
        try {
            uri = new URI(value.get());
        } catch (URISyntaxException e) {
            throw new ConfigException(name, accepted, "not a URL");
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new ConfigException(name, accepted, "not an absolute http(s) URL");
        }
        return Optional.of(uri);
    }

    /** A value that matches {@code pattern} as a whole; empty when unset. */
    public Optional<String> matching(String name, Pattern pattern, String accepted) {
        Optional<String> value = optional(name);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            throw new ConfigException(name, accepted, "malformed");
        }
        return value;
    }
}
