package dev.tollgate.localstack.lambda;

import java.security.SecureRandom;
import java.util.HexFormat;

/** X-Ray trace headers in Lambda's format: {@code Root=1-<epoch hex>-<96 random bits>;Parent=..;Sampled=0}. */
final class TraceId {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private TraceId() {}

    static String next() {
        byte[] root = new byte[12];
        byte[] parent = new byte[8];
        RANDOM.nextBytes(root);
        RANDOM.nextBytes(parent);
        long epochSeconds = System.currentTimeMillis() / 1000;
        return "Root=1-" + Long.toHexString(epochSeconds) + "-" + HEX.formatHex(root) + ";Parent="
                + HEX.formatHex(parent) + ";Sampled=0";
    }
}
