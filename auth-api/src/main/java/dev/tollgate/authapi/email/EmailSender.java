package dev.tollgate.authapi.email;

/** Delivers a verification email; throws {@link dev.tollgate.authapi.error.ApiException.EmailDeliveryFailure}. */
@FunctionalInterface
public interface EmailSender {
    void send(VerificationEmail email);
}
