package dev.tollgate.authorizer.config;

/** Threshold for the authorizer's log lines ({@code LOG_LEVEL}). */
public enum LogLevel {
    DEBUG,
    INFO,
    WARN,
    ERROR;

    public boolean allows(LogLevel line) {
        return line.ordinal() >= ordinal();
    }
}
