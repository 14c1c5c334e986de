package dev.tollgate.localstack.lambda;

import dev.tollgate.localstack.gateway.LambdaInvoker.Invocation;
import java.util.concurrent.CompletableFuture;

/**
 * One invocation on its way through an execution environment: handed out on {@code next}, settled by
 * {@code response}, {@code error}, the process's exit or the timeout, whichever comes first.
 */
final class PendingInvocation {

    final String requestId;
    final String invokedFunctionArn;
    final byte[] event;
    /** Completed with the deadline (epoch ms) when the runtime picks the invocation up. */
    final CompletableFuture<Long> dispatched = new CompletableFuture<>();

    final CompletableFuture<Invocation> outcome = new CompletableFuture<>();

    PendingInvocation(String requestId, String invokedFunctionArn, byte[] event) {
        this.requestId = requestId;
        this.invokedFunctionArn = invokedFunctionArn;
        this.event = event;
    }

    /** Settles the invocation unless something else already did; dispatch waiters are released too. */
    boolean settle(Invocation result) {
        boolean first = outcome.complete(result);
        dispatched.complete(-1L);
        return first;
    }
}
