package dev.tollgate.localstack.core;

import dev.tollgate.testkit.CdiCalls;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The set-up most tests here share: a stand-in on an ephemeral port and a {@link CdiCalls} client for it.
 * Held in an {@code @AutoClose} field: an instance field gives each test a fresh stand-in, a static one
 * serves the whole class.
 *
 * @param core  the running stand-in
 * @param calls CDI calls to it ({@code cdi-version: 5.4} unless other headers were given)
 */
record StandIn(CoreStandIn core, CdiCalls calls) implements AutoCloseable {

    /** A stand-in with the builder's defaults. */
    static StandIn start() {
        return start(UnaryOperator.identity());
    }

    /** A stand-in configured by {@code config}, applied to the builder's defaults. */
    static StandIn start(UnaryOperator<CoreConfig.Builder> config) {
        CoreStandIn core = CoreStandIn.start(config.apply(CoreConfig.builder()).build());
        return new StandIn(core, new CdiCalls(core.uri()));
    }

    /** Same, with {@code headers} on every call of {@link #calls()} instead of the default ones. */
    static StandIn start(UnaryOperator<CoreConfig.Builder> config, Map<String, String> headers) {
        CoreStandIn core = CoreStandIn.start(config.apply(CoreConfig.builder()).build());
        return new StandIn(core, new CdiCalls(core.uri(), headers));
    }

    @Override
    public void close() {
        core.close();
    }
}
