package dev.tollgate.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The AppSync API as appsync-integration defines it: {@code schema.graphql} and {@code resolvers.yaml}
 * (direct Lambda resolvers only). Data sources name functions by their local names
 * ({@code tollgate-<logical>}); the deployer re-prefixes them.
 */
record AppSyncDefinition(String schema, List<DataSource> dataSources, List<Resolver> resolvers) {

    record DataSource(String name, String functionLogicalName) {}

    record Resolver(String typeName, String fieldName, String dataSource) {}

    static final String LOCAL_PREFIX = "tollgate-";

    static AppSyncDefinition load(Path schemaFile, Path resolversFile) {
        String schema;
        String resolversText;
        try {
            schema = Files.readString(schemaFile, StandardCharsets.UTF_8);
            resolversText = Files.readString(resolversFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeployException("cannot read the AppSync definition (" + schemaFile + ", " + resolversFile + "): "
                    + e.getMessage());
        }
        Object yaml;
        try {
            yaml = new Load(LoadSettings.builder()
                            .setLabel(resolversFile.toString())
                            .build())
                    .loadFromString(resolversText);
        } catch (YamlEngineException e) {
            throw new DeployException(resolversFile + ": invalid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<?, ?> root = map(yaml, resolversFile + " root");
        List<DataSource> dataSources = new ArrayList<>();
        for (Object o : list(root.get("dataSources"), resolversFile + " dataSources")) {
            Map<?, ?> ds = map(o, resolversFile + " dataSources entry");
            String type = string(ds, "type", resolversFile);
            if (!"AWS_LAMBDA".equals(type)) {
                throw new DeployException(
                        resolversFile + ": data source type " + type + " is not supported (only AWS_LAMBDA)");
            }
            String function = string(ds, "function", resolversFile);
            if (!function.startsWith(LOCAL_PREFIX)) {
                throw new DeployException(
                        resolversFile + ": function " + function + " does not start with " + LOCAL_PREFIX);
            }
            dataSources.add(
                    new DataSource(string(ds, "name", resolversFile), function.substring(LOCAL_PREFIX.length())));
        }
        Set<String> names = new java.util.HashSet<>();
        dataSources.forEach(d -> names.add(d.name()));
        List<Resolver> resolvers = new ArrayList<>();
        for (Object o : list(root.get("resolvers"), resolversFile + " resolvers")) {
            Map<?, ?> r = map(o, resolversFile + " resolvers entry");
            Resolver resolver = new Resolver(
                    string(r, "type", resolversFile),
                    string(r, "field", resolversFile),
                    string(r, "dataSource", resolversFile));
            if (!names.contains(resolver.dataSource())) {
                throw new DeployException(resolversFile + ": resolver " + resolver.typeName() + "."
                        + resolver.fieldName() + " names unknown data source " + resolver.dataSource());
            }
            resolvers.add(resolver);
        }
        return new AppSyncDefinition(schema, List.copyOf(dataSources), List.copyOf(resolvers));
    }

    private static Map<?, ?> map(Object o, String what) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new DeployException(what + " must be a mapping");
        }
        return m;
    }

    private static List<?> list(Object o, String what) {
        if (!(o instanceof List<?> l) || l.isEmpty()) {
            throw new DeployException(what + " must be a non-empty list");
        }
        return l;
    }

    private static String string(Map<?, ?> m, String key, Path file) {
        if (!(m.get(key) instanceof String s) || s.isBlank()) {
            throw new DeployException(file + ": every entry needs a string '" + key + "'");
        }
        return s;
    }
}
