package dev.tollgate.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Starts one stack for the whole test run (the local cloud on ephemeral ports, or the given
 * external URLs) and stops it when the run ends. Test classes receive it as a parameter.
 */
public final class StackExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            stack(context);
        } catch (TestAbortedException unavailable) {
            // Not here: the class would vanish from the report. Each test is reported skipped, with the reason.
        }
    }

    /** Runs before the test's parameters are resolved, so an unavailable stack skips the test (not an error). */
    @Override
    public void beforeEach(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Stack.class || type == E2eSettings.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class ? stack(context) : settings(context);
    }

    static E2eSettings settings(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(E2eSettings.class, k -> E2eSettings.fromSystemProperties(), E2eSettings.class);
    }

    private static Stack stack(ExtensionContext context) {
        E2eSettings settings = settings(context);
        Object started = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningStack.class, k -> startOrSkip(settings), Object.class);
        if (started instanceof Unavailable unavailable) {
            throw new TestAbortedException(unavailable.reason());
        }
        return ((RunningStack) started).stack();
    }

    /** A stack that cannot run here (no Docker, no token) is remembered once, not retried per test. */
    private static Object startOrSkip(E2eSettings settings) {
        try {
            return new RunningStack(start(settings));
        } catch (TestAbortedException e) {
            return new Unavailable(e.getMessage());
        }
    }

    private record Unavailable(String reason) {}

    /** Which stack the run targets: {@code local} (the default) or {@code localstack}. */
    static String target() {
        return System.getProperty("e2e.target", "local");
    }

    private static Stack start(E2eSettings settings) {
        String target = target();
        return switch (target) {
            case "local" -> settings.external().map(Stack::external).orElseGet(() -> LocalCloudStack.start(settings));
            case "localstack" -> LocalStackStack.start(settings);
            default -> throw new IllegalArgumentException("e2e.target must be local or localstack, got: " + target);
        };
    }

    /** Closed by JUnit (an AutoCloseable in the root store) when the root context, the whole run, ends. */
    private record RunningStack(Stack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }
}
