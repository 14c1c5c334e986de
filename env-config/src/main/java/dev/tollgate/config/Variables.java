package dev.tollgate.config;

/**
 * The name of every variable the session library and the three functions read, in one place, so that
 * the stack definition sets exactly the names the readers read. Each nested class belongs to the
 * reader named in its comment; the variables' meaning is in the README's configuration table.
 */
public final class Variables {

    /** Threshold for log lines of all three functions: DEBUG, INFO (default), WARN or ERROR. */
    public static final String LOG_LEVEL = "LOG_LEVEL";

    private Variables() {}

    /** Read by the session library's {@code SessionConfig}, shared by the authorizer and the auth API. */
    public static final class Session {
        public static final String CONNECTION_URI = "SUPERTOKENS_CONNECTION_URI";
        public static final String API_KEY = "SUPERTOKENS_API_KEY";
        public static final String API_DOMAIN = "API_DOMAIN";
        public static final String WEBSITE_DOMAIN = "WEBSITE_DOMAIN";
        public static final String API_GATEWAY_PATH = "API_GATEWAY_PATH";
        public static final String API_BASE_PATH = "API_BASE_PATH";
        public static final String COOKIE_SAME_SITE = "COOKIE_SAME_SITE";
        public static final String COOKIE_SECURE = "COOKIE_SECURE";
        public static final String COOKIE_DOMAIN = "COOKIE_DOMAIN";
        public static final String ANTI_CSRF = "ANTI_CSRF";
        public static final String USE_DYNAMIC_SIGNING_KEY = "SUPERTOKENS_USE_DYNAMIC_SIGNING_KEY";
        public static final String JWKS_MAX_AGE = "SUPERTOKENS_JWKS_MAX_AGE_SECONDS";
        public static final String JWKS_PENALTY = "SUPERTOKENS_JWKS_PENALTY_SECONDS";
        public static final String CONNECT_TIMEOUT = "SUPERTOKENS_CONNECT_TIMEOUT_MS";
        public static final String REQUEST_TIMEOUT = "SUPERTOKENS_REQUEST_TIMEOUT_MS";

        private Session() {}
    }

    /** Read by the authorizer's {@code AuthorizerConfig}. */
    public static final class Authorizer {
        public static final String SESSION_REQUIRED = "SESSION_REQUIRED";
        public static final String POLICY_SCOPE = "POLICY_SCOPE";
        public static final String REQUIRED_CLAIMS = "REQUIRED_CLAIMS";
        public static final String RSA_PROVIDER = "RSA_PROVIDER";

        private Authorizer() {}
    }

    /** Read by the auth API's {@code EmailConfig}. */
    public static final class AuthApi {
        public static final String EMAIL_SENDER = "EMAIL_SENDER";
        public static final String EMAIL_WEBHOOK_URL = "EMAIL_WEBHOOK_URL";
        public static final String EMAIL_FROM = "EMAIL_FROM";

        private AuthApi() {}
    }

    /** Read by the AppSync resolver's {@code ResolverConfig}. */
    public static final class Resolver {
        public static final String NOTES_TABLE = "NOTES_TABLE";
        /** Set by Lambda itself. */
        public static final String AWS_REGION = "AWS_REGION";
        /** The AWS SDK's standard endpoint override, used by the local clouds. */
        public static final String DYNAMODB_ENDPOINT = "AWS_ENDPOINT_URL_DYNAMODB";
        /** The AWS SDKs' override for every service, read when there is no DynamoDB one (LocalStack sets it). */
        public static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";
        /** {@code true}: the AWS SDKs ignore both overrides; so does the resolver. */
        public static final String IGNORE_ENDPOINT_URLS = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
        /** The execution role's keys, set by Lambda itself; DynamoDB calls are signed with them. */
        public static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";

        public static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
        public static final String AWS_SESSION_TOKEN = "AWS_SESSION_TOKEN";

        public static final String NOTES_MAX_PER_USER = "NOTES_MAX_PER_USER";

        private Resolver() {}
    }
}
