package dev.tollgate.authorizer.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import dev.tollgate.session.verify.SignatureProvider;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * RS256 through Amazon Corretto Crypto Provider (native code) once it is loaded, the JDK's provider
 * until then and for good if it cannot load.
 *
 * <p>Why: Lambda runs Java on C1 only, where the JDK's RSA check takes about 200 µs and the native one
 * under 20 µs; every token the instance has not seen yet pays it. Why in the background, and only
 * after the first answer: loading takes 100-150 ms of CPU (the library is unpacked from the jar and
 * linked, the provider registers its services). Run during init, even on a thread of its own, it
 * delayed the first answer by about 80 ms on two cores (class loading and the jar are shared), so the
 * handler starts it ({@link #startLoading}) once its first answer is written, and no request waits
 * for it. A SnapStart checkpoint starts it and waits ({@link #awaitLoaded}) so the snapshot holds the
 * loaded provider. What is in use is said once, in {@link Outcome}.
 */
public final class NativeRsa implements SignatureProvider {

    /**
     * How the load ended; reported once.
     *
     * @param provider    name and version of the provider in use
     * @param nativeCode  whether it is the native one
     * @param problem     why the native one is not in use although {@code RSA_PROVIDER=auto}, or null
     */
    public record Outcome(String provider, boolean nativeCode, String problem) {}

    private final Callable<Provider> loader;
    private final Consumer<Outcome> report;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Provider loaded;

    private NativeRsa(Callable<Provider> loader, Consumer<Outcome> report) {
        this.loader = loader;
        this.report = report;
    }

    /**
     * @param choice {@code RSA_PROVIDER}; with {@code jdk} the outcome is reported at once
     * @param report told once how the load ended (from the loading thread)
     */
    public static NativeRsa of(RsaProvider choice, Consumer<Outcome> report) {
        // Not a method reference to Corretto: linking one at init would load ACCP's classes then,
        // before the first answer. This class is verified without them; Corretto's load on first call.
        Callable<Provider> loader = new Callable<>() {
            @Override
            public Provider call() throws Exception {
                return Corretto.load();
            }
        };
        return of(choice, loader, report);
    }

    /** Package-private for tests: {@code loader} stands in for loading the native provider. */
    static NativeRsa of(RsaProvider choice, Callable<Provider> loader, Consumer<Outcome> report) {
        NativeRsa rsa = new NativeRsa(loader, report);
        if (choice == RsaProvider.JDK) {
            rsa.started.set(true);
            report.accept(new Outcome(jdkProviderName(), false, null));
            rsa.done.countDown();
        }
        return rsa;
    }

    /** Starts loading on a daemon thread, the first time only; cheap on every later call. */
    public void startLoading() {
        if (!started.get() && started.compareAndSet(false, true)) {
            Thread thread = new Thread(this::load, "native-rsa-loader");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The native provider once loaded and self-tested, else {@code null} (the JDK's). */
    @Override
    public Provider current() {
        return loaded;
    }

    /** Waits at most {@code timeout} for a started load to end, however it ends; true when it has. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void load() {
        try {
            Outcome outcome;
            try {
                Provider provider = loader.call();
                SignatureProvider.selfTest(provider);
                loaded = provider;
                outcome = new Outcome(provider.getName() + " " + provider.getVersionStr(), true, null);
            } catch (Exception | LinkageError e) {
                // Any failure leaves the JDK's provider in place: slower, never wrong.
                outcome = new Outcome(jdkProviderName(), false, describe(e));
            }
            report.accept(outcome);
        } finally {
            done.countDown();
        }
    }

    private static String jdkProviderName() {
        try {
            return Signature.getInstance("SHA256withRSA").getProvider().getName();
        } catch (GeneralSecurityException e) {
            return "none";
        }
    }

    /** The type and message only: a loader's message names files and CPU features, never a secret. */
    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Everything that names ACCP's classes, so that they load on the loading thread only. */
    private static final class Corretto {
        static Provider load() throws Exception {
            AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable error = provider.getLoadingError();
            if (error != null) {
                throw new IllegalStateException("its native library did not load: " + describe(error), error);
            }
            return provider;
        }
    }
}
