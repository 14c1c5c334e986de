package dev.tollgate.session.verify;

import dev.tollgate.session.error.ErrorResponses;
import dev.tollgate.session.error.SessionError.VerifyError;

/**
 * The request carries no usable session: answer {@link ErrorResponses#of(dev.tollgate.session.error.SessionError)
 * ErrorResponses.of(error())}. A wrapper rather than the error itself, because a sealed result may only
 * list types of its own package.
 */
public record VerificationFailed(VerifyError error) implements VerificationResult {
    public VerificationFailed {
        if (error == null) {
            throw new IllegalArgumentException("error is required");
        }
    }
}
