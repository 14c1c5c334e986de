package dev.tollgate.localstack.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line of a local program (the core stand-in, the local cloud), made of {@link Setting}s.
 * picocli owns the grammar: {@code --flag value}, {@code --flag=value}, {@code -h}/{@code --help}. Values
 * stay text, so that the program's own checks name the flag or the variable a bad value came from. It lives
 * in the core stand-in because that is the one module with a command line that the local cloud builds on.
 */
public final class CommandLineSettings {

    private final String command;
    private final String description;
    private final String footer;
    private final boolean lastRepeatWins;
    private final List<Setting> settings;

    /**
     * @param command        the program's name in {@code --help}
     * @param description    the line under the synopsis
     * @param footer         the last line of {@code --help}
     * @param lastRepeatWins whether a repeated flag is allowed, its last value winning (else it is an error)
     * @param settings       in the order {@code --help} lists them
     */
    public CommandLineSettings(
            String command, String description, String footer, boolean lastRepeatWins, List<Setting> settings) {
        this.command = Objects.requireNonNull(command, "command");
        this.description = Objects.requireNonNull(description, "description");
        this.footer = Objects.requireNonNull(footer, "footer");
        this.lastRepeatWins = lastRepeatWins;
        this.settings = List.copyOf(settings);
    }

    /** The {@code --help} text: the synopsis, then every setting with its variable and default. */
    public String usage() {
        StringWriter text = new StringWriter();
        commandLine().usage(new PrintWriter(text));
        return text.toString();
    }

    /**
     * Reads {@code args}, over {@code env} for the settings that have a variable.
     *
     * @return empty when {@code --help} was asked for
     * @throws IllegalArgumentException picocli's one line for an unknown flag, a missing value and the like
     */
    public Optional<Values> parse(String[] args, Map<String, String> env) {
        CommandLine line = commandLine();
        CommandLine.ParseResult result;
        try {
            result = line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (line.isUsageHelpRequested()) {
            return Optional.empty();
        }
        Map<String, String> given = new HashMap<>();
        for (OptionSpec option : result.matchedOptions()) {
            given.put(option.longestName(), option.getValue());
        }
        return Optional.of(new Values(given, env));
    }

    private CommandLine commandLine() {
        CommandSpec spec = CommandSpec.create().name(command);
        spec.usageMessage().description(description).footer(footer).sortOptions(false);
        for (Setting setting : settings) {
            spec.addOption(OptionSpec.builder(setting.flag())
                    .paramLabel(setting.label())
                    .description(setting.help())
                    .type(String.class)
                    .build());
        }
        spec.addOption(OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("this text")
                .build());
        return new CommandLine(spec).setOverwrittenOptionsAllowed(lastRepeatWins);
    }

    /** What one command line said, over the environment. */
    public static final class Values {

        private final Map<String, String> given;
        private final Map<String, String> env;

        private Values(Map<String, String> given, Map<String, String> env) {
            this.given = given;
            this.env = env;
        }

        /** The flag's value when it was given, else its variable's unless unset or blank, else {@code null}. */
        public String text(Setting setting) {
            if (given.containsKey(setting.flag())) {
                return given.get(setting.flag());
            }
            String fromEnv = setting.variable() == null ? null : env.get(setting.variable());
            return fromEnv != null && !fromEnv.isBlank() ? fromEnv : null;
        }

        /** Where {@link #text} came from, for an error message: the flag when it was given, else the variable. */
        public String source(Setting setting) {
            return given.containsKey(setting.flag()) ? setting.flag() : setting.variable();
        }
    }
}
