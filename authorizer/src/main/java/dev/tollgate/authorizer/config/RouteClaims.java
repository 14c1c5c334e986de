package dev.tollgate.authorizer.config;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.Variables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Claims required per route, from {@code REQUIRED_CLAIMS}.
 *
 * <p>Format: rules separated by {@code ;}, each {@code <METHOD> <resource>=<claim>[,<claim>...]},
 * e.g. {@code POST /verified/graphql=st-ev; ANY /admin/{proxy+}=st-role:admin,st-perm:notes:write}.
 * {@code <resource>} is the API Gateway resource template (the event's {@code resource}, not the
 * concrete path); {@code <METHOD>} is an upper-case verb or {@code ANY}. A route listed with a verb
 * uses only its own rule; {@code ANY} applies to verbs without their own rule.
 */
public final class RouteClaims {

    private static final String VARIABLE = Variables.Authorizer.REQUIRED_CLAIMS;
    private static final String ACCEPTED =
            "rules like 'POST /verified/graphql=st-ev' separated by ';' (claims: st-ev, st-role:<role>, st-perm:<permission>)";
    private static final Pattern METHOD = Pattern.compile("ANY|[A-Z]{1,16}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");

    private static final RouteClaims NONE = new RouteClaims(Map.of());

    private final Map<String, List<ClaimRequirement>> byRoute;

    private RouteClaims(Map<String, List<ClaimRequirement>> byRoute) {
        this.byRoute = byRoute;
    }

    /** Claims required for a call; empty when the route has no rule. */
    public List<ClaimRequirement> forRoute(String method, String resource) {
        List<ClaimRequirement> exact = byRoute.get(method + " " + resource);
        if (exact != null) {
            return exact;
        }
        return byRoute.getOrDefault("ANY " + resource, List.of());
    }

    /** Rules as "METHOD resource" to claims, in configuration order. */
    public Map<String, List<ClaimRequirement>> rules() {
        return byRoute;
    }

    public static RouteClaims parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<String, List<ClaimRequirement>> rules = new LinkedHashMap<>();
        for (String rule : text.split(";")) {
            String trimmed = rule.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                throw invalid("rule '" + trimmed + "' has no '='");
            }
            String[] route = trimmed.substring(0, eq).trim().split("\\s+");
            if (route.length != 2 || !METHOD.matcher(route[0]).matches() || !route[1].startsWith("/")) {
                throw invalid("rule '" + trimmed + "' does not start with '<METHOD> /<resource>'");
            }
            String key = route[0] + " " + route[1];
            if (rules.containsKey(key)) {
                throw invalid("route '" + key + "' appears twice");
            }
            rules.put(key, claims(trimmed, trimmed.substring(eq + 1)));
        }
        return rules.isEmpty() ? NONE : new RouteClaims(Collections.unmodifiableMap(rules));
    }

    private static List<ClaimRequirement> claims(String rule, String list) {
        List<ClaimRequirement> claims = new ArrayList<>();
        for (String raw : list.split(",")) {
            String claim = raw.trim();
            if (claim.equals("st-ev")) {
                claims.add(new ClaimRequirement.EmailVerified());
            } else if (claim.startsWith("st-role:")
                    && VALUE.matcher(claim.substring(8)).matches()) {
                claims.add(new ClaimRequirement.HasRole(claim.substring(8)));
            } else if (claim.startsWith("st-perm:")
                    && VALUE.matcher(claim.substring(8)).matches()) {
                claims.add(new ClaimRequirement.HasPermission(claim.substring(8)));
            } else {
                throw invalid("rule '" + rule + "' names unknown claim '" + claim + "'");
            }
        }
        return List.copyOf(claims);
    }

    private static ConfigException invalid(String what) {
        return new ConfigException(VARIABLE, ACCEPTED, what);
    }
}
