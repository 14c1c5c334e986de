package dev.tollgate.infra;

import dev.tollgate.stack.StackFunctions;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/** The notes table: users' data, so it outlives the stack (Retain) and can be restored (PITR). */
final class NotesTable extends Construct {

    /** What the resolver does with notes, and nothing more. */
    static final List<String> RESOLVER_ACTIONS = StackFunctions.RESOLVER_DYNAMODB_OPERATIONS.stream()
            .map(operation -> "dynamodb:" + operation)
            .toList();

    private final Table table;

    NotesTable(Construct scope, String id, NotesTableDefinition definition) {
        super(scope, id);
        Table.Builder builder = Table.Builder.create(this, "Table")
                .tableName(definition.tableName())
                .partitionKey(definition.partitionKey())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .removalPolicy(RemovalPolicy.RETAIN);
        definition.sortKey().ifPresent(builder::sortKey);
        table = builder.build();
    }

    String tableName() {
        return table.getTableName();
    }

    void allowNotesAccess(StackFunction resolver) {
        resolver.allow(RESOLVER_ACTIONS, List.of(table.getTableArn()));
    }
}
