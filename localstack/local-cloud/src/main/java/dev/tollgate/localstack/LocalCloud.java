package dev.tollgate.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.dynamodb.DynamoDbEmulator;
import dev.tollgate.localstack.appsync.AppSyncEmulator;
import dev.tollgate.localstack.core.CoreConfig;
import dev.tollgate.localstack.core.CoreStandIn;
import dev.tollgate.localstack.devconsole.DevConsole;
import dev.tollgate.localstack.gateway.ApiGateway;
import dev.tollgate.localstack.lambda.FunctionDefinition;
import dev.tollgate.localstack.lambda.LambdaService;
import dev.tollgate.localstack.lambda.LambdaServiceOptions;
import dev.tollgate.localstack.mailbox.Mailbox;
import dev.tollgate.localstack.web.WebConfig;
import dev.tollgate.localstack.web.WebHost;
import dev.tollgate.log.Level;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.stack.ApiDefinitionException;
import dev.tollgate.stack.StackFunctions;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The whole Tollgate stack on one machine, no Docker: web host, dev mailbox, DynamoDB emulator, the
 * SuperTokens core stand-in (or a real core), the Lambda service running the three function jars in JVMs of
 * their own, the AppSync emulator and the API gateway executing {@code openapi.yaml}. {@link #close()} (also
 * run by a shutdown hook, so Ctrl-C and SIGTERM leave no child JVM behind) stops everything.
 */
public final class LocalCloud implements AutoCloseable {

    private final Deque<AutoCloseable> components;
    private final LambdaService lambda;
    private final URI web;
    private final URI api;
    private final URI appsync;
    private final URI core;
    private final URI mailbox;
    private final URI devConsole;
    private final Thread shutdownHook;
    private boolean closed;

    private LocalCloud(
            Deque<AutoCloseable> components,
            LambdaService lambda,
            URI web,
            URI api,
            URI appsync,
            URI core,
            URI mailbox,
            URI devConsole) {
        this.components = components;
        this.lambda = lambda;
        this.web = web;
        this.api = api;
        this.appsync = appsync;
        this.core = core;
        this.mailbox = mailbox;
        this.devConsole = devConsole;
        this.shutdownHook = new Thread(this::close, "local-cloud-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts every component and deploys the functions; on any failure stops what already started.
     *
     * @throws LocalCloudException naming the problem in one line (a port in use, a missing jar, a broken
     *                             definition)
     */
    public static LocalCloud start(LocalCloudOptions options) {
        return start(options, UnaryOperator.identity());
    }

    /**
     * The same, with a test hook: the functions reach DynamoDB at {@code dynamodbFront} applied to the
     * emulator's endpoint, so a fault-injecting proxy can stand between them (the reliability tests answer
     * 5xx there for a while). Only Java code can pass one; the command line always runs with the identity.
     */
    public static LocalCloud start(LocalCloudOptions options, UnaryOperator<URI> dynamodbFront) {
        LocalCloudLayout layout = new LocalCloudLayout(options.repoRoot());
        layout.check();
        Deque<AutoCloseable> started = new ArrayDeque<>();
        // Ctrl-C while starting (function JVMs start during prewarm) stops what already runs
        Thread startupHook = new Thread(() -> closeAll(started), "local-cloud-startup-shutdown");
        Runtime.getRuntime().addShutdownHook(startupHook);
        try {
            WebHost webHost = startOn(
                    "web host",
                    options.webPort(),
                    portHint("--web-port"),
                    started,
                    () -> WebHost.start(options.webPort(), layout.site()));
            Mailbox mailbox = startOn(
                    "mailbox",
                    options.mailboxPort(),
                    portHint("--mailbox-port"),
                    started,
                    () -> Mailbox.start(options.mailboxPort(), webHost.origin()));
            DynamoDbEmulator dynamo = startOn(
                    "dynamodb",
                    options.dynamodbPort(),
                    portHint("--dynamodb-port"),
                    started,
                    () -> DynamoDbEmulator.start(options.dynamodbPort()));
            String notesTable = LocalCloudTables.create(dynamo.endpoint(), layout.notesTable());
            URI coreUri = options.coreUri()
                    .orElseGet(() -> startOn(
                                    "core stand-in",
                                    options.corePort(),
                                    CORE_PORT_HINT,
                                    started,
                                    () -> CoreStandIn.start(CoreConfig.builder()
                                            .port(options.corePort())
                                            .accessTokenValidity(options.accessTokenValidity())
                                            .build()))
                            .uri());
            // development only: grants the admin role (the deployed stack has no such door)
            DevConsole devConsole = startOn(
                    "dev console",
                    0,
                    "",
                    started,
                    () -> DevConsole.start(
                            0,
                            new CoreClient(
                                    List.of(coreUri),
                                    options.coreApiKey().orElse(null),
                                    Duration.ofSeconds(5),
                                    HttpClient.newBuilder()
                                            .connectTimeout(Duration.ofSeconds(2))
                                            .build()),
                            webHost.origin()));
            LambdaService lambda = startOn(
                    "lambda",
                    0,
                    "",
                    started,
                    () -> LambdaService.start(LambdaServiceOptions.defaults(
                            LambdaServiceOptions.runtimeClasspathFrom(layout.lambdaRuntime()))));
            String appsyncApiKey = "da2-" + HexFormat.of().formatHex(randomBytes(13));
            AppSyncEmulator appsync = startOn(
                    "appsync",
                    options.appsyncPort(),
                    portHint("--appsync-port"),
                    started,
                    () -> AppSyncEmulator.start(options.appsyncPort(), appsyncApiKey, layout.root(), lambda));
            Map<String, String> placeholders = new LinkedHashMap<>();
            placeholders.put("AwsRegion", "us-east-1");
            placeholders.put("AuthorizerFunctionArn", lambda.functionArn(LocalCloudFunctions.AUTHORIZER));
            placeholders.put("AuthApiFunctionArn", lambda.functionArn(LocalCloudFunctions.AUTH_API));
            placeholders.put("AppSyncGraphqlUrl", appsync.graphqlUrl().toString());
            placeholders.put("AppSyncApiKey", appsyncApiKey);
            placeholders.put("WebsiteOrigin", LocalCloudFunctions.origin(webHost.origin()));
            ApiGateway gateway = startOn(
                    "gateway",
                    options.apiPort(),
                    portHint("--api-port"),
                    started,
                    () -> ApiGateway.start(options.apiPort(), layout.openApi(), placeholders, lambda));
            URI apiOrigin = URI.create("http://localhost:" + gateway.port());

            var endpoints = new LocalCloudFunctions.Endpoints(
                    coreUri,
                    options.coreApiKey(),
                    apiOrigin,
                    webHost.origin(),
                    mailbox.webhookUrl(),
                    dynamodbFront.apply(dynamo.endpoint()),
                    notesTable);
            List<String> functions = new ArrayList<>();
            for (FunctionDefinition function : LocalCloudFunctions.definitions(layout, endpoints)) {
                lambda.deploy(function);
                functions.add(function.name());
            }
            if (options.prewarm()) {
                List<String> failed = lambda.provision(functions);
                if (!failed.isEmpty()) {
                    throw new LocalCloudException("lambda: " + String.join(", ", failed)
                            + " did not initialise (its log lines above say why)");
                }
            }
            webHost.publishConfig(new WebConfig(
                    apiOrigin.toString(),
                    LocalCloudFunctions.GATEWAY_PATH,
                    StackFunctions.AUTH_BASE_PATH,
                    webHost.origin().toString(),
                    mailbox.uri().toString(),
                    devConsole.uri().toString()));
            LocalCloud cloud = new LocalCloud(
                    started,
                    lambda,
                    webHost.origin(),
                    URI.create(gateway.stageUrl()),
                    URI.create(appsync.graphqlUrl().toString()),
                    coreUri,
                    mailbox.uri(),
                    devConsole.uri());
            removeHook(startupHook);
            return cloud;
        } catch (RuntimeException e) {
            removeHook(startupHook);
            closeAll(started);
            throw e instanceof LocalCloudException cloud ? cloud : new LocalCloudException(oneLine(e), e);
        }
    }

    /** The demo site's origin, {@code http://localhost:<web port>}. */
    public URI web() {
        return web;
    }

    /** The API's stage URL, {@code http://localhost:<api port>/dev}. */
    public URI api() {
        return api;
    }

    /** The AppSync emulator's GraphQL endpoint. */
    public URI appsync() {
        return appsync;
    }

    /** The SuperTokens core in use (the stand-in, or the real core given in the options). */
    public URI core() {
        return core;
    }

    /** The dev console's origin ({@code POST /admins}: make a user an admin; development only). */
    public URI devConsole() {
        return devConsole;
    }

    /** The dev mailbox's origin ({@code GET /messages}, {@code GET /}). */
    public URI mailbox() {
        return mailbox;
    }

    /** The Lambda service, for tests that look at function instances. */
    LambdaService lambda() {
        return lambda;
    }

    /** The ready line: {@code {"event":"ready","web":..,"api":..,"appsync":..,"core":..,"mailbox":..}}. */
    public String readyJson() {
        return new ObjectMapper()
                .createObjectNode()
                .put("event", "ready")
                .put("web", web.toString())
                .put("api", api.toString())
                .put("appsync", appsync.toString())
                .put("core", core.toString())
                .put("mailbox", mailbox.toString())
                .toString();
    }

    /** Stops every component, newest first, and every function JVM with them. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeHook(shutdownHook);
        closeAll(components);
        LocalCloudLog.event("local-cloud", "stopped", Map.of());
    }

    /** What fixes a taken core port: another port, or the core that may well be what holds it. */
    static final String CORE_PORT_HINT =
            "use --core-port 0 for a free port, or --core-uri to use the SuperTokens core already there";

    static String portHint(String flag) {
        return "use " + flag + " 0 for a free port, or another " + flag;
    }

    /** @param hint the flags that fix a port in use, named in the one-line error */
    private static <T extends AutoCloseable> T startOn(
            String name, int port, String hint, Deque<AutoCloseable> started, Supplier<T> starter) {
        T component;
        try {
            component = starter.get();
        } catch (LocalCloudException e) {
            throw e;
        } catch (ApiDefinitionException e) {
            throw new LocalCloudException(name + ": " + oneLine(e), e);
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                throw new LocalCloudException(
                        name + ": port " + port + " on 127.0.0.1 is in use" + (hint.isEmpty() ? "" : " (" + hint + ")"),
                        e);
            }
            throw new LocalCloudException(name + ": " + oneLine(e), e);
        }
        synchronized (started) {
            started.push(component);
        }
        return component;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is exiting: the hook runs (or is running) anyway
        }
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (true) {
            AutoCloseable component;
            synchronized (started) {
                if (started.isEmpty()) {
                    return;
                }
                component = started.pop();
            }
            try {
                component.close();
            } catch (Exception e) {
                LocalCloudLog.of("local-cloud")
                        .line(Level.WARN, "close-failed")
                        .field("closing", component.getClass().getSimpleName())
                        .field("error", oneLine(e))
                        .write();
            }
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
