package dev.tollgate.session.verify;

import java.security.GeneralSecurityException;
import java.security.Provider;

/**
 * Which {@link Provider} checks RS256 signatures. The JDK's is the default; a caller may hand over a
 * faster one, such as a native provider it loads in the background, and switch to it at any time.
 *
 * <p>The algorithm stays fixed whatever the provider: only {@code SHA256withRSA} is ever asked for.
 */
@FunctionalInterface
public interface SignatureProvider {

    /** Always the JDK's provider. */
    SignatureProvider JDK = () -> null;

    /**
     * The provider to check the next signature with, or {@code null} for the JDK's. Called once per
     * signature check, so it must be cheap (a volatile read).
     */
    Provider current();

    /**
     * Checks that {@code provider} verifies a built-in RS256 token and rejects the same token with one
     * signature byte changed, so a broken provider is never switched to. No I/O.
     *
     * @throws GeneralSecurityException if the provider lacks {@code SHA256withRSA} or answers wrongly
     */
    static void selfTest(Provider provider) throws GeneralSecurityException {
        WarmUp.selfTest(provider);
    }
}
