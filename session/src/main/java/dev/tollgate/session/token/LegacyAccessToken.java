package dev.tollgate.session.token;

/**
 * A v1/v2 access token (fixed legacy header, no {@code kid}). Tollgate never verifies these: the
 * verifier answers try-refresh so the frontend obtains a v5 token (see README, differences from node).
 */
public record LegacyAccessToken(String raw) implements ParsedToken {
    @Override
    public int version() {
        return 2;
    }

    @Override
    public String toString() {
        return "LegacyAccessToken[v2]";
    }
}
