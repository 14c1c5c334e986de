package dev.tollgate.localstack.lambda;

import dev.tollgate.localstack.LocalCloudLog;
import dev.tollgate.localstack.gateway.LambdaInvoker.Invocation;
import dev.tollgate.log.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The instances of one function: a warm idle instance serves the next invocation; when all are busy a
 * new one starts (a cold start), up to the configured limit, beyond which callers wait their turn.
 */
final class FunctionPool implements AutoCloseable {

    private final FunctionDefinition function;
    private final LambdaServiceOptions options;
    private final List<String> jvmOptions;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final List<ExecutionEnvironment> all = new ArrayList<>();
    private int started;
    /** Instances being started outside the lock; they count against the limit already. */
    private int starting;

    private boolean closed;

    FunctionPool(FunctionDefinition function, LambdaServiceOptions options, List<String> jvmOptions) {
        this.function = function;
        this.options = options;
        this.jvmOptions = jvmOptions;
    }

    FunctionDefinition function() {
        return function;
    }

    Invocation invoke(String invokedArn, byte[] event) {
        long startNanos = System.nanoTime();
        Lease lease;
        try {
            lease = acquire(startNanos + function.timeout().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Invocation.Failed("interrupted while waiting for an instance of " + function.name());
        } catch (RuntimeException e) {
            return log(new Invocation.Failed(e.getMessage()), startNanos, false, null);
        }
        if (lease == null) {
            return log(
                    new Invocation.Failed("TooManyRequestsException: all " + options.maxInstancesPerFunction()
                            + " instances of " + function.name() + " stayed busy"),
                    startNanos,
                    false,
                    null);
        }
        Invocation result = lease.instance.invoke(invokedArn, event);
        release(lease.instance);
        return log(result, startNanos, lease.cold, lease.instance);
    }

    /**
     * Starts one instance ahead of any invocation and waits for its init, like provisioned concurrency.
     *
     * @return {@code true} when a warm instance is now idle
     */
    boolean provision() {
        Lease lease;
        try {
            lease = acquire(System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (lease == null) {
            return false;
        }
        boolean ready = lease.instance.awaitReady();
        release(lease.instance);
        return ready;
    }

    private record Lease(ExecutionEnvironment instance, boolean cold) {}

    /** An idle warm instance, or a newly started one; {@code null} when none freed up before the deadline. */
    private Lease acquire(long deadlineNanos) throws InterruptedException {
        int ordinal;
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("the Lambda service is stopped");
                }
                while (!idle.isEmpty()) {
                    ExecutionEnvironment candidate = idle.pop();
                    if (candidate.alive()) {
                        return new Lease(candidate, false);
                    }
                    discard(candidate);
                }
                all.removeIf(instance -> !instance.alive() && discarded(instance));
                if (all.size() + starting < options.maxInstancesPerFunction()) {
                    ordinal = ++started;
                    starting++;
                    break;
                }
                long waitMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
                if (waitMillis <= 0) {
                    return null;
                }
                wait(waitMillis);
            }
        }
        ExecutionEnvironment fresh;
        try {
            fresh = ExecutionEnvironment.start(function, options, jvmOptions, ordinal);
        } catch (RuntimeException e) {
            synchronized (this) {
                starting--;
                notifyAll();
            }
            throw e;
        }
        synchronized (this) {
            starting--;
            if (closed) {
                fresh.close();
                throw new IllegalStateException("the Lambda service is stopped");
            }
            all.add(fresh);
        }
        return new Lease(fresh, true);
    }

    private synchronized void release(ExecutionEnvironment instance) {
        if (instance.alive() && !closed) {
            idle.push(instance);
        } else {
            discard(instance);
        }
        notifyAll();
    }

    private void discard(ExecutionEnvironment instance) {
        all.remove(instance);
        instance.close();
    }

    private static boolean discarded(ExecutionEnvironment instance) {
        instance.close();
        return true;
    }

    private Invocation log(Invocation result, long startNanos, boolean cold, ExecutionEnvironment instance) {
        String outcome = result instanceof Invocation.Success
                ? "success"
                : result instanceof Invocation.FunctionError ? "function-error" : "failed";
        LocalCloudLog.of("lambda")
                .line(result instanceof Invocation.Success ? Level.INFO : Level.WARN, "invoke")
                .latencySince(startNanos)
                .field("function", function.name())
                .field("instance", instance == null ? null : instance.toString())
                .field("outcome", outcome)
                .field("cold", cold)
                .field("errorType", result instanceof Invocation.FunctionError error ? error.errorType() : null)
                .field("reason", result instanceof Invocation.Failed failed ? failed.reason() : null)
                .write();
        return result;
    }

    /** Number of live instances, for tests and diagnostics. */
    synchronized int liveInstances() {
        return (int) all.stream().filter(ExecutionEnvironment::alive).count();
    }

    @Override
    public void close() {
        List<ExecutionEnvironment> toStop;
        synchronized (this) {
            closed = true;
            toStop = new ArrayList<>(all);
            all.clear();
            idle.clear();
            notifyAll();
        }
        toStop.parallelStream().forEach(ExecutionEnvironment::close);
    }
}
