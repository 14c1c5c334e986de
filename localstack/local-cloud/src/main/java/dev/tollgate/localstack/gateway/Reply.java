package dev.tollgate.localstack.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the gateway sends back: a status, header lines in order (a name may repeat, each value its own
 * line, which is how several {@code Set-Cookie} values reach the browser) and a body.
 */
record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    static Builder status(int status) {
        return new Builder(status);
    }

    static final class Builder {
        private final int status;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private byte[] body = new byte[0];

        private Builder(int status) {
            this.status = status;
        }

        Builder header(String name, String value) {
            headers.add(Map.entry(name, value));
            return this;
        }

        Builder body(byte[] body) {
            this.body = body;
            return this;
        }

        Reply build() {
            return new Reply(status, List.copyOf(headers), body);
        }
    }
}
