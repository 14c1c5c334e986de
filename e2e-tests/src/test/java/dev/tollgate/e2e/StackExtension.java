package dev.tollgate.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one stack for the whole test run (the local cloud on ephemeral ports, or the given
 * external URLs) and stops it when the run ends. Test classes receive it as a parameter.
 */
public final class StackExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
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
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(E2eSettings.class, k -> E2eSettings.fromSystemProperties(), E2eSettings.class);
  }

  private static Stack stack(ExtensionContext context) {
    E2eSettings settings = settings(context);
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(RunningStack.class, k -> new RunningStack(start(settings)), RunningStack.class)
        .stack();
  }

  private static Stack start(E2eSettings settings) {
    return settings.external().<Stack>map(ExternalStack::new).orElseGet(() -> LocalCloudStack.start(settings));
  }

  /** Closed by JUnit when the root context (the whole run) ends. */
  private record RunningStack(Stack stack) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      stack.close();
    }
  }
}
