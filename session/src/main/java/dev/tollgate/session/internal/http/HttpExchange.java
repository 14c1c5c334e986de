package dev.tollgate.session.internal.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Map;

/**
 * One HTTP/1.1 request and its whole answer: how the session library talks to a core, whatever the
 * client underneath. No redirects are followed and nothing is cached.
 *
 * <p>Internal to the session library: not part of its API.
 */
public interface HttpExchange {

    /** An answer of any status, with its body (an error's body too). */
    record Answer(int status, byte[] body) {}

    /**
     * @param method   {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
     * @param headers  request headers, sent as given
     * @param body     the request body, or {@code null} for none
     * @param maxBytes the largest answer body accepted
     * @throws SocketTimeoutException when the connect timeout or the request timeout passes
     * @throws AnswerTooLargeException when the body is longer than {@code maxBytes}
     * @throws IOException when the server cannot be reached or the answer is cut off
     */
    Answer send(String method, URI uri, Map<String, String> headers, byte[] body, int maxBytes)
            throws IOException, InterruptedException;

    /** An answer body longer than the caller accepts. */
    final class AnswerTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public AnswerTooLargeException(int maxBytes) {
            super("answer larger than " + maxBytes + " bytes");
        }
    }
}
