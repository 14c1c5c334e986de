package dev.tollgate.log;

/** Severity of a log line, and the threshold below which lines are dropped. */
public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR;

    /** Whether a line of {@code line}'s level passes this threshold. */
    public boolean allows(Level line) {
        return line.ordinal() >= ordinal();
    }
}
