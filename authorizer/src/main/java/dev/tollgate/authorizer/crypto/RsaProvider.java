package dev.tollgate.authorizer.crypto;

/** {@code RSA_PROVIDER}: which provider checks RS256 signatures. */
public enum RsaProvider {
    /** Amazon Corretto Crypto Provider when its native library loads and passes a self-test, else the JDK's. */
    AUTO,
    /** Always the JDK's provider (SunRsaSign); the native library is never loaded. */
    JDK
}
