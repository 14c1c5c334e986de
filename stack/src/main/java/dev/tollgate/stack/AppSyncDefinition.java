package dev.tollgate.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The AppSync API: {@link StackFiles#SCHEMA} and {@link StackFiles#RESOLVERS} (direct Lambda resolvers
 * only), loaded and checked once. The local cloud's AppSync emulator and the CDK app both read it
 * through {@link #load}; a mistake in either file is an {@link ApiDefinitionException} naming the file
 * and the entry. What a target supports (data source types, function names) is checked by the target.
 *
 * @param schema      the SDL text
 * @param dataSources the AWS_LAMBDA data sources, in file order
 * @param resolvers   the direct Lambda resolvers, in file order
 */
public record AppSyncDefinition(String schema, List<DataSource> dataSources, List<Resolver> resolvers) {

    public AppSyncDefinition {
        dataSources = List.copyOf(dataSources);
        resolvers = List.copyOf(resolvers);
    }

    /**
     * A data source. Which types a target supports is the target's to check (both support only
     * {@code AWS_LAMBDA}).
     *
     * @param name     the data source's name
     * @param type     e.g. {@code AWS_LAMBDA}
     * @param function the local function name, {@code tollgate-<logical name>}
     */
    public record DataSource(String name, String type, String function) {}

    /**
     * One resolver: {@code type.field} is served by {@code dataSource}, that is by {@code function}.
     *
     * @param function the local name of the data source's function
     */
    public record Resolver(String type, String field, String dataSource, String function) {}

    public static AppSyncDefinition load(Path schemaFile, Path resolversFile) {
        String schema = read(schemaFile);
        Object yaml;
        try {
            yaml = new Load(LoadSettings.builder()
                            .setLabel(resolversFile.toString())
                            .build())
                    .loadFromString(read(resolversFile));
        } catch (YamlEngineException e) {
            throw new ApiDefinitionException(resolversFile + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<?, ?> root = map(yaml, resolversFile + "");
        Map<String, DataSource> dataSources = new LinkedHashMap<>();
        for (Object entry : list(root.get("dataSources"), resolversFile + ": dataSources")) {
            Map<?, ?> source = map(entry, resolversFile + ": a dataSources entry");
            String name = string(source, "name", resolversFile + ": dataSources");
            String type = string(source, "type", resolversFile + ": data source " + name);
            String function = string(source, "function", resolversFile + ": data source " + name);
            if (dataSources.put(name, new DataSource(name, type, function)) != null) {
                throw new ApiDefinitionException(resolversFile + ": data source " + name + " is defined twice");
            }
        }
        List<Resolver> resolvers = new ArrayList<>();
        Set<String> wired = new HashSet<>();
        for (Object entry : list(root.get("resolvers"), resolversFile + ": resolvers")) {
            Map<?, ?> resolver = map(entry, resolversFile + ": a resolvers entry");
            String type = string(resolver, "type", resolversFile + ": resolvers");
            String field = string(resolver, "field", resolversFile + ": resolver on " + type);
            String dataSource = string(resolver, "dataSource", resolversFile + ": resolver " + type + "." + field);
            DataSource source = dataSources.get(dataSource);
            if (source == null) {
                throw new ApiDefinitionException(resolversFile + ": resolver " + type + "." + field
                        + " names data source " + dataSource + ", which dataSources does not define");
            }
            if (!wired.add(type + "." + field)) {
                throw new ApiDefinitionException(resolversFile + ": " + type + "." + field + " has two resolvers");
            }
            resolvers.add(new Resolver(type, field, dataSource, source.function()));
        }
        return new AppSyncDefinition(schema, List.copyOf(dataSources.values()), resolvers);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ApiDefinitionException("cannot read the AppSync definition file " + file + ": " + e, e);
        }
    }

    private static Map<?, ?> map(Object value, String what) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new ApiDefinitionException(what + " must be a mapping");
        }
        return m;
    }

    private static List<?> list(Object value, String what) {
        if (!(value instanceof List<?> l)) {
            throw new ApiDefinitionException(what + " must be a list");
        }
        return l;
    }

    private static String string(Map<?, ?> map, String key, String where) {
        if (!(map.get(key) instanceof String s) || s.isBlank()) {
            throw new ApiDefinitionException(where + ": '" + key + "' must be a non-empty string");
        }
        return s;
    }
}
