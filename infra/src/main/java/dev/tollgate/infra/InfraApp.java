package dev.tollgate.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: one stack, {@code tollgate}. The build runs it with the default context and writes the
 * templates to {@code target/cdk.out}; the CDK CLI runs it again (cdk.json) with the context given to
 * {@code cdk deploy}.
 */
public final class InfraApp {

    public static final String STACK_NAME = "tollgate";

    private InfraApp() {}

    public static void main(String[] args) {
        App app = new App();
        InfraSettings settings;
        try {
            settings = InfraSettings.from(key -> app.getNode().tryGetContext(key));
        } catch (IllegalArgumentException e) {
            System.err.println("tollgate infra: " + e.getMessage());
            System.exit(2);
            return;
        }
        new TollgateStack(
                app, STACK_NAME, StackProps.builder().stackName(STACK_NAME).build(), settings);
        app.synth();
    }
}
