package dev.tollgate.localstack.core.http;

import java.util.List;

/**
 * The cdi-version check of core 11.4.7: versions above 5.4 and versions the core never spoke are
 * refused with 400; a missing header means the latest.
 */
public final class CdiVersion {

    /** In the order the real core lists them (a HashSet's iteration order, see the golden capture). */
    public static final List<String> SUPPORTED = List.of(
            "2.14", "2.13", "2.12", "2.11", "2.10", "2.21", "2.20", "2.19", "2.18", "2.17", "3.0", "2.16", "3.1", "4.0",
            "2.15", "5.0", "5.1", "5.2", "5.3", "2.7", "5.4", "2.8", "2.9");

    public static final String LATEST = "5.4";

    private CdiVersion() {}

    /**
     * @param header        the cdi-version header, or null
     * @param versionNeeded whether the API also rejects versions the core never spoke
     */
    public static void check(String header, boolean versionNeeded) throws CoreError.BadRequest {
        if (header == null) {
            return;
        }
        if (!header.matches("[0-9]{1,9}(\\.[0-9]{1,9})*")) {
            // The core throws an IllegalArgumentException here (a 500); a client's typo is a 400 for us.
            throw new CoreError.BadRequest("Invalid version format");
        }
        if (compare(header, LATEST) > 0) {
            throw new CoreError.BadRequest("cdi-version " + header + " not supported");
        }
        if (versionNeeded && SUPPORTED.stream().noneMatch(v -> compare(v, header) == 0)) {
            throw new CoreError.BadRequest("cdi-version " + header + " not supported");
        }
    }

    static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int x = i < left.length ? Integer.parseInt(left[i]) : 0;
            int y = i < right.length ? Integer.parseInt(right[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
