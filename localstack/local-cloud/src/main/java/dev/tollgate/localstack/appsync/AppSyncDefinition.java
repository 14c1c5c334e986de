package dev.tollgate.localstack.appsync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The AppSync definition: {@code schema.graphql} and {@code resolvers.yaml} (see
 * {@link dev.tollgate.stack.StackFiles}). Loaded and checked once; a mistake in either file
 * stops the emulator with a message naming the file and the entry.
 *
 * @param schema    the SDL text
 * @param functions data source name to Lambda function name (AWS_LAMBDA data sources)
 * @param resolvers the direct Lambda resolvers
 */
record AppSyncDefinition(String schema, Map<String, String> functions, List<Resolver> resolvers) {

    /** One resolver: {@code type.field} is served by the Lambda function {@code function}. */
    record Resolver(String type, String field, String function) {}

    static AppSyncDefinition load(Path schemaFile, Path resolversFile) {
        String schema = read(schemaFile);
        Object yaml;
        try {
            yaml = new Load(LoadSettings.builder()
                            .setLabel(resolversFile.toString())
                            .build())
                    .loadFromString(read(resolversFile));
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(resolversFile + " is not valid YAML: " + e.getMessage(), e);
        }
        Map<String, Object> root = map(yaml, resolversFile + "");
        Map<String, String> functions = new LinkedHashMap<>();
        for (Object entry : list(root.get("dataSources"), resolversFile + ": dataSources")) {
            Map<String, Object> source = map(entry, resolversFile + ": a dataSources entry");
            String name = string(source, "name", resolversFile + ": dataSources");
            String type = string(source, "type", resolversFile + ": data source " + name);
            if (!type.equals("AWS_LAMBDA")) {
                throw new IllegalArgumentException(resolversFile + ": data source " + name + " has type " + type
                        + "; the emulator runs AWS_LAMBDA data sources only");
            }
            if (functions.put(name, string(source, "function", resolversFile + ": data source " + name)) != null) {
                throw new IllegalArgumentException(resolversFile + ": data source " + name + " is defined twice");
            }
        }
        List<Resolver> resolvers = new ArrayList<>();
        for (Object entry : list(root.get("resolvers"), resolversFile + ": resolvers")) {
            Map<String, Object> resolver = map(entry, resolversFile + ": a resolvers entry");
            String type = string(resolver, "type", resolversFile + ": resolvers");
            String field = string(resolver, "field", resolversFile + ": resolver on " + type);
            String dataSource = string(resolver, "dataSource", resolversFile + ": resolver " + type + "." + field);
            String function = functions.get(dataSource);
            if (function == null) {
                throw new IllegalArgumentException(resolversFile + ": resolver " + type + "." + field
                        + " names data source " + dataSource + ", which dataSources does not define");
            }
            if (resolvers.stream()
                    .anyMatch(r -> r.type().equals(type) && r.field().equals(field))) {
                throw new IllegalArgumentException(resolversFile + ": " + type + "." + field + " has two resolvers");
            }
            resolvers.add(new Resolver(type, field, function));
        }
        return new AppSyncDefinition(schema, Map.copyOf(functions), List.copyOf(resolvers));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AppSync definition file " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + " must be a mapping");
        }
        return (Map<String, Object>) m;
    }

    private static List<?> list(Object value, String what) {
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException(what + " must be a list");
        }
        return l;
    }

    private static String string(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a non-empty string");
        }
        return s;
    }
}
