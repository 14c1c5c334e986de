package dev.tollgate.localstack.gateway;

import dev.tollgate.localstack.gateway.LambdaInvoker.Invocation;

/** Calls a {@link LambdaInvoker} so that a defect of the invoker counts as a failed invocation, as on AWS. */
final class Invocations {

    private Invocations() {}

    static Invocation call(LambdaInvoker invoker, String functionArn, String eventJson) {
        try {
            Invocation invocation = invoker.invoke(functionArn, eventJson);
            return invocation == null ? new Invocation.Failed("the invoker returned nothing") : invocation;
        } catch (RuntimeException e) {
            return new Invocation.Failed("the invoker failed: " + e.getClass().getSimpleName());
        }
    }
}
