package dev.tollgate.authorizer.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The native provider is used only once loaded and self-tested; any failure leaves the JDK's in place. */
class NativeRsaTest {

    private final List<NativeRsa.Outcome> reports = new CopyOnWriteArrayList<>();

    private NativeRsa startAndWait(RsaProvider choice, Callable<Provider> loader) throws InterruptedException {
        NativeRsa rsa = NativeRsa.of(choice, loader, reports::add);
        rsa.startLoading();
        rsa.startLoading();
        assertThat(rsa.awaitLoaded(Duration.ofSeconds(30))).isTrue();
        return rsa;
    }

    @Test
    void loadsAmazonCorrettoCryptoProviderOnLinuxX86() throws InterruptedException {
        // The test classpath carries the linux-x86_64 build; the arm64 jar is checked by AuthorizerJarIT.
        assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
        assumeThat(System.getProperty("os.arch")).isIn("amd64", "x86_64");

        NativeRsa rsa = NativeRsa.of(RsaProvider.AUTO, reports::add);
        rsa.startLoading();
        assertThat(rsa.awaitLoaded(Duration.ofSeconds(30))).isTrue();

        assertThat(rsa.current().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
        assertThat(reports).singleElement().satisfies(o -> {
            assertThat(o.nativeCode()).isTrue();
            assertThat(o.provider()).startsWith("AmazonCorrettoCryptoProvider ");
            assertThat(o.problem()).isNull();
        });
    }

    @Test
    void nothingLoadsUntilAskedAndTheJdkChecksMeanwhile() throws InterruptedException {
        NativeRsa rsa = NativeRsa.of(RsaProvider.AUTO, () -> Security.getProvider("SunRsaSign"), reports::add);

        assertThat(rsa.awaitLoaded(Duration.ofMillis(200))).isFalse();
        assertThat(rsa.current()).isNull();
        assertThat(reports).isEmpty();
    }

    @Test
    void rsaProviderJdkNeverLoadsTheNativeLibrary() throws InterruptedException {
        NativeRsa rsa = startAndWait(RsaProvider.JDK, () -> {
            throw new AssertionError("must not be called");
        });

        assertThat(rsa.current()).isNull();
        assertThat(reports).containsExactly(new NativeRsa.Outcome("SunRsaSign", false, null));
    }

    @Test
    void aLibraryThatCannotLoadLeavesTheJdkInPlaceAndSaysWhy() throws InterruptedException {
        NativeRsa rsa = startAndWait(RsaProvider.AUTO, () -> {
            throw new UnsatisfiedLinkError("no libamazonCorrettoCryptoProvider for this CPU");
        });

        assertThat(rsa.current()).isNull();
        assertThat(reports)
                .containsExactly(new NativeRsa.Outcome(
                        "SunRsaSign", false, "UnsatisfiedLinkError: no libamazonCorrettoCryptoProvider for this CPU"));
    }

    @Test
    void aProviderThatFailsTheSelfTestIsNeverUsed() throws InterruptedException {
        NativeRsa rsa = startAndWait(RsaProvider.AUTO, () -> new Provider("Empty", "1", "no algorithms") {});

        assertThat(rsa.current()).isNull();
        assertThat(reports).singleElement().satisfies(o -> {
            assertThat(o.nativeCode()).isFalse();
            assertThat(o.problem()).startsWith("NoSuchAlgorithmException");
        });
    }

    @Test
    void aWorkingProviderIsUsedOnceItPassesTheSelfTest() throws InterruptedException {
        Provider sun = Security.getProvider("SunRsaSign");

        NativeRsa rsa = startAndWait(RsaProvider.AUTO, () -> sun);

        assertThat(rsa.current()).isSameAs(sun);
        assertThat(reports)
                .singleElement()
                .satisfies(o -> assertThat(o.nativeCode()).isTrue());
    }
}
