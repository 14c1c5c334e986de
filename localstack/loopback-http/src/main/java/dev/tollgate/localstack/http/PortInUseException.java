package dev.tollgate.localstack.http;

import java.io.UncheckedIOException;
import java.net.BindException;

/** A loopback port another process holds: {@code <component>: port <n> on 127.0.0.1 is in use}. */
public final class PortInUseException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    private final String component;
    private final int port;

    PortInUseException(String component, int port, BindException cause) {
        super(component + ": port " + port + " on 127.0.0.1 is in use", cause);
        this.component = component;
        this.port = port;
    }

    public String component() {
        return component;
    }

    public int port() {
        return port;
    }
}
