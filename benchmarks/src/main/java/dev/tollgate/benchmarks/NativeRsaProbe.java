package dev.tollgate.benchmarks;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;

/**
 * What native RSA through Amazon Corretto Crypto Provider would buy the authorizer and what it would
 * cost: the time to load the provider (it unpacks and loads a native library) and the median
 * {@code SHA256withRSA} verification with it and with the JDK's own provider, in this JVM. Run it with
 * Lambda's flags and without: {@code java [-XX:+TieredCompilation -XX:TieredStopAtLevel=1] -cp "$CP"
 * dev.tollgate.benchmarks.NativeRsaProbe}.
 */
public final class NativeRsaProbe {

    private NativeRsaProbe() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Provider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        Throwable loadingError = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
        long loadedNanos = System.nanoTime() - t0;
        System.out.printf(
                "ACCP %s: %s in %.1f ms%n",
                accp.getVersionStr(),
                loadingError == null ? "native library loaded" : "failed to load (" + loadingError + ")",
                loadedNanos / 1e6);

        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        byte[] data = "eyJraWQiOiJkLTEiLCJ0eXAiOiJKV1QiLCJ2ZXJzaW9uIjoiNSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJ1In0"
                .getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(data);
        byte[] signature = signer.sign();

        Provider jdk = Signature.getInstance("SHA256withRSA").getProvider();
        for (int round = 0; round < 3; round++) {
            for (Provider provider : loadingError == null ? List.of(jdk, accp) : List.of(jdk)) {
                System.out.printf(
                        "round %d, %-10s SHA256withRSA verify: median %.1f µs%n",
                        round, provider.getName(), medianVerifyMicros(provider, pair, data, signature));
            }
        }
    }

    private static double medianVerifyMicros(Provider provider, KeyPair pair, byte[] data, byte[] signature)
            throws Exception {
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            long t = System.nanoTime();
            Signature v = Signature.getInstance("SHA256withRSA", provider);
            v.initVerify(pair.getPublic());
            v.update(data);
            if (!v.verify(signature)) {
                throw new IllegalStateException("verification failed with " + provider.getName());
            }
            if (i >= 1000) {
                micros.add((System.nanoTime() - t) / 1e3);
            }
        }
        return WarmComparison.median(micros);
    }
}
