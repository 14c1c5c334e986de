package dev.tollgate.localstack.authapi;

/** Something that runs the auth API function: event JSON in, result JSON out. */
@FunctionalInterface
interface FunctionInvoker {
    String invoke(String eventJson) throws Exception;
}
