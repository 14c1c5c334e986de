package dev.tollgate.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code resolvers.yaml}: which Lambda data source serves which GraphQL field, as the local cloud's
 * AppSync emulator reads it.
 */
record ResolverDefinitions(List<DataSource> dataSources, List<Resolver> resolvers) {

    /** A Lambda data source and the deployed name of the function behind it. */
    record DataSource(String name, String function) {}

    /** One field served directly by a data source (no mapping templates). */
    record Resolver(String type, String field, String dataSource) {}

    /** @throws IllegalArgumentException for a malformed file or a resolver naming an unknown data source */
    static ResolverDefinitions load(Path file) {
        Object yaml;
        try {
            yaml = new Load(LoadSettings.builder().setLabel(file.toString()).build())
                    .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<?, ?> root = map(yaml, file + ": not a mapping");
        List<DataSource> sources = new ArrayList<>();
        for (Object o : list(root.get("dataSources"), file + ": dataSources is not a list")) {
            Map<?, ?> m = map(o, file + ": a data source is not a mapping");
            if (!"AWS_LAMBDA".equals(m.get("type"))) {
                throw new IllegalArgumentException(file + ": data source " + m.get("name") + " is not AWS_LAMBDA");
            }
            sources.add(new DataSource(text(m, "name", file), text(m, "function", file)));
        }
        Set<String> names = sources.stream().map(DataSource::name).collect(Collectors.toSet());
        List<Resolver> resolvers = new ArrayList<>();
        for (Object o : list(root.get("resolvers"), file + ": resolvers is not a list")) {
            Map<?, ?> m = map(o, file + ": a resolver is not a mapping");
            Resolver r = new Resolver(text(m, "type", file), text(m, "field", file), text(m, "dataSource", file));
            if (!names.contains(r.dataSource())) {
                throw new IllegalArgumentException(
                        file + ": " + r.type() + "." + r.field() + " names unknown data source " + r.dataSource());
            }
            resolvers.add(r);
        }
        return new ResolverDefinitions(List.copyOf(sources), List.copyOf(resolvers));
    }

    private static Map<?, ?> map(Object o, String error) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(error);
    }

    private static List<?> list(Object o, String error) {
        if (o instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(error);
    }

    private static String text(Map<?, ?> m, String key, Path file) {
        if (m.get(key) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException(file + ": " + key + " is missing or not text in " + m);
    }
}
