package uk.gov.spendingcontrol.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which service serves a path: the longest configured prefix that matches it wins. A prefix matches the path itself
 * and anything below it, never a longer sibling ({@code /api/v1/returns} does not match {@code /api/v1/returns-x}).
 * Built once from {@link GatewayConfig}; a configuration mistake (bad URL, prefix outside {@code /api/v1/}, a prefix
 * claimed twice) stops the gateway at startup instead of misrouting at run time.
 */
final class RouteTable {

    static final String API_ROOT = "/api/v1";

    /** A resolved backend. */
    record Backend(String name, String url, String host, int port, boolean ssl, String basePath,
            long responseTimeoutMillis) {
    }

    /** A path's owner: the prefix that matched it and the backend that serves it. */
    record Match(String prefix, Backend backend) {
    }

    private record Entry(String prefix, Backend backend) {
    }

    /** Paths under this root are the API's; every other path goes to the web pages, when they are configured. */
    static final String API_SPACE = "/api";
    /** Quarkus' management paths: never a page, never forwarded (health and metrics are on the management interface). */
    static final String MANAGEMENT_SPACE = "/q";

    private final List<Entry> entries;
    private final List<String> publicPrefixes;
    private final Backend web;

    private RouteTable(List<Entry> entries, List<String> publicPrefixes, Backend web) {
        this.entries = entries;
        this.publicPrefixes = publicPrefixes;
        this.web = web;
    }

    static RouteTable from(GatewayConfig config) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        config.services().forEach((name, service) -> {
            long timeout = service.responseTimeout().orElse(config.responseTimeout()).toMillis();
            Backend backend = backend(name, service.url().trim(), timeout);
            for (String raw : service.prefixes()) {
                String prefix = prefix(raw, "gateway.services." + name + ".prefixes");
                String previous = owner.putIfAbsent(prefix, name);
                if (previous != null) {
                    throw new IllegalStateException("Path prefix " + prefix + " is claimed by both services '" + previous
                            + "' and '" + name + "'");
                }
                entries.add(new Entry(prefix, backend));
            }
        });
        entries.sort(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed());
        List<String> publicPrefixes = config.publicPaths().stream()
                .filter(p -> !p.isBlank())
                .map(p -> prefix(p, "gateway.public-paths"))
                .toList();
        Backend web = config.webUrl().filter(u -> !u.isBlank())
                .map(u -> backend("web", u.trim(), config.responseTimeout().toMillis())).orElse(null);
        return new RouteTable(List.copyOf(entries), publicPrefixes, web);
    }

    /** The longest prefix matching this (normalised) path and its backend, or null. */
    Match find(String path) {
        for (Entry e : entries) {
            if (matches(path, e.prefix())) {
                return new Match(e.prefix(), e.backend());
            }
        }
        return null;
    }

    /**
     * The web pages' backend for a (normalised) path outside {@code /api/} and {@code /q/}, or null (an API or
     * management path, or no web pages).
     */
    Backend web(String path) {
        return web == null || matches(path, API_SPACE) || matches(path, MANAGEMENT_SPACE) ? null : web;
    }

    /** Whether this (normalised) path is served without a token. */
    boolean isPublic(String path) {
        return publicPrefixes.stream().anyMatch(p -> matches(path, p));
    }

    /** Prefix to service name, longest prefix first: for the startup log and the README. */
    List<String> describe() {
        List<String> lines = new ArrayList<>(entries.stream().map(e -> e.prefix() + " -> " + e.backend().name() + " ("
                + e.backend().url() + ", response timeout " + e.backend().responseTimeoutMillis() + " ms)").toList());
        if (web != null) {
            lines.add("every path outside " + API_SPACE + "/ -> web (" + web.url() + ")");
        }
        return lines;
    }

    static boolean matches(String path, String prefix) {
        return path.startsWith(prefix)
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    private static String prefix(String raw, String property) {
        String p = raw.trim();
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.startsWith(API_ROOT + "/") || p.contains("//") || p.contains("/../") || p.endsWith("/..")
                || p.contains("*") || p.contains("?")) {
            throw new IllegalStateException(property + ": '" + raw + "' is not a plain path prefix under " + API_ROOT + "/");
        }
        return p;
    }

    private static Backend backend(String name, String url, long responseTimeoutMillis) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("gateway.services." + name + ".url: '" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalStateException("gateway.services." + name + ".url: '" + url
                    + "' must be http(s)://host[:port][/base-path]");
        }
        boolean ssl = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        return new Backend(name, url, uri.getHost(), port, ssl, basePath, responseTimeoutMillis);
    }
}
