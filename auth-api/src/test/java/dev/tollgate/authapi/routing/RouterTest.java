package dev.tollgate.authapi.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiResponse;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Route signIn = request -> ApiResponse.empty(200);
    private final Router router = Router.builder("/dev", "/auth")
            .route("POST", "/signin", signIn)
            .route("GET", "/user/email/verify", request -> ApiResponse.empty(200))
            .route("POST", "/user/email/verify", request -> ApiResponse.empty(200))
            .build();

    @Test
    void findsRoutesUnderTheBasePathWithOrWithoutThePublicTenant() {
        assertThat(router.resolve("POST", "/auth/signin").route()).isSameAs(signIn);
        assertThat(router.resolve("POST", "/auth/public/signin").routePath()).isEqualTo("/signin");
        assertThat(router.resolve("POST", "/auth/signin/").routePath()).isEqualTo("/signin");
    }

    @Test
    void toleratesTheStagePrefixInThePath() {
        assertThat(router.resolve("POST", "/dev/auth/signin").routePath()).isEqualTo("/signin");
    }

    @Test
    void unknownPathsAndOtherTenantsAreNotFound() {
        assertThatThrownBy(() -> router.resolve("POST", "/auth/nope")).isInstanceOf(ApiException.NotFound.class);
        assertThatThrownBy(() -> router.resolve("POST", "/auth/t1/signin")).isInstanceOf(ApiException.NotFound.class);
        assertThatThrownBy(() -> router.resolve("POST", "/authx/signin")).isInstanceOf(ApiException.NotFound.class);
        assertThatThrownBy(() -> router.resolve("POST", "/signin")).isInstanceOf(ApiException.NotFound.class);
    }

    @Test
    void wrongMethodNamesTheAllowedOnes() {
        assertThatThrownBy(() -> router.resolve("DELETE", "/auth/user/email/verify"))
                .isInstanceOfSatisfying(
                        ApiException.MethodNotAllowed.class,
                        e -> assertThat(e.allowed()).containsExactly("GET", "POST"));
    }
}
