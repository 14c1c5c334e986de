package dev.tollgate.localstack.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One setting of a command line, declared once: its flag, what {@code --help} shows of it, and where its
 * value comes from when the flag is not given.
 *
 * @param flag        {@code --name}, given as {@code --name value} or {@code --name=value}
 * @param label       the value's name in {@code --help}, e.g. {@code N}
 * @param description what it sets
 * @param variable    the environment variable read when the flag is not given, or {@code null} for none
 * @param defaultText the default as {@code --help} shows it, or {@code null} for none; the program applies it
 */
public record Setting(String flag, String label, String description, String variable, String defaultText) {

    public Setting {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        if (!flag.startsWith("--")) {
            throw new IllegalArgumentException("a flag starts with --, was " + flag);
        }
    }

    /** What {@code --help} says of it: the description, then its variable and its default where it has them. */
    public String help() {
        List<String> origins = new ArrayList<>();
        if (variable != null) {
            origins.add(variable);
        }
        if (defaultText != null) {
            origins.add("default " + defaultText);
        }
        return origins.isEmpty() ? description : description + " (" + String.join(", ", origins) + ")";
    }
}
