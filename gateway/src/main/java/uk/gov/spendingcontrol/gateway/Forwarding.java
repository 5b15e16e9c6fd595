package uk.gov.spendingcontrol.gateway;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the client is and which address it called: the caller's address (the peer, or, when the peer is a trusted proxy,
 * the nearest untrusted address in its {@code X-Forwarded-For}), and the public origin ({@code scheme://host[:port]})
 * that {@code Location} and links must carry. Client-sent {@code X-Forwarded-*} and {@code Forwarded} headers are
 * believed only from a trusted proxy, and never passed on: the gateway sets its own.
 */
final class Forwarding {

    /** A public origin: scheme, host and port (port -1 when it is the scheme's default). */
    record Origin(String scheme, String host, int port) {

        String hostAndPort() {
            return port < 0 ? host : host + ":" + port;
        }

        int effectivePort() {
            return port >= 0 ? port : scheme.equals("https") ? 443 : 80;
        }

        @Override
        public String toString() {
            return scheme + "://" + hostAndPort();
        }
    }

    /** A host header value: a registered name or IPv4 (letters, digits, '-', '.') or a bracketed IPv6, optional port. */
    private static final Pattern HOST = Pattern.compile("(?<host>[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(:(?<port>[0-9]{1,5}))?");
    private static final Pattern LINK_TARGET = Pattern.compile("<([^>]*)>");

    private final Optional<Origin> configured;
    private final List<Cidr> trusted;

    Forwarding(Optional<String> publicBaseUrl, Optional<List<String>> trustedProxies) {
        this.configured = publicBaseUrl.filter(s -> !s.isBlank()).map(Forwarding::parseBaseUrl);
        List<Cidr> blocks = new ArrayList<>();
        trustedProxies.orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty())
                .forEach(s -> blocks.add(Cidr.parse(s)));
        this.trusted = List.copyOf(blocks);
    }

    /** The caller's address: the peer, or behind trusted proxies the nearest address that is not one of them. */
    String clientAddress(String peer, List<String> xForwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : xForwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!Cidr.isAddress(hop)) {
                return peer;   // garbage in the chain: believe only what we saw
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /**
     * The origin the client called: the configured public base URL; else, from a trusted proxy, its
     * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}; else the request's own scheme and {@code Host}. Empty when
     * the host given is not a valid host (the request is then refused).
     */
    Optional<Origin> publicOrigin(String peer, String scheme, String host, String forwardedProto, String forwardedHost) {
        if (configured.isPresent()) {
            return configured;
        }
        String s = scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT);
        String h = host;
        if (isTrusted(peer)) {
            if (forwardedProto != null && (forwardedProto.trim().equalsIgnoreCase("https")
                    || forwardedProto.trim().equalsIgnoreCase("http"))) {
                s = forwardedProto.trim().toLowerCase(Locale.ROOT);
            }
            if (forwardedHost != null && !forwardedHost.isBlank()) {
                h = forwardedHost.split(",")[0].trim();
            }
        }
        return parseHost(s, h);
    }

    /** Whether a public base URL is configured (then a client's Host header does not matter). */
    boolean hasConfiguredOrigin() {
        return configured.isPresent();
    }

    /**
     * A header value that may hold a URL ({@code Location}, {@code Content-Location}): when it is absolute and points
     * at the service's own address, the same path under the public origin; anything else unchanged.
     */
    static String rewriteUrl(String value, RouteTable.Backend backend, Origin origin) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            return value;
        }
        if (!uri.isAbsolute() || uri.getRawAuthority() == null || uri.getHost() == null) {
            return value;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        boolean own = scheme.equals(backend.ssl() ? "https" : "http")
                && uri.getHost().equalsIgnoreCase(backend.host()) && port == backend.port();
        if (!own) {
            return value;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!backend.basePath().isEmpty() && (path.equals(backend.basePath()) || path.startsWith(backend.basePath() + "/"))) {
            path = path.substring(backend.basePath().length());
        }
        return origin + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    /** A {@code Link} header: every {@code <target>} rewritten as {@link #rewriteUrl}. */
    static String rewriteLinks(String value, RouteTable.Backend backend, Origin origin) {
        if (value == null || value.indexOf('<') < 0) {
            return value;
        }
        Matcher m = LINK_TARGET.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("<" + rewriteUrl(m.group(1), backend, origin) + ">"));
        }
        m.appendTail(out);
        return out.toString();
    }

    boolean isTrusted(String address) {
        if (trusted.isEmpty() || address == null) {
            return false;
        }
        for (Cidr c : trusted) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    static Optional<Origin> parseHost(String scheme, String host) {
        if (host == null) {
            return Optional.empty();
        }
        Matcher m = HOST.matcher(host.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int port = -1;
        if (m.group("port") != null) {
            port = Integer.parseInt(m.group("port"));
            if (port < 1 || port > 65535) {
                return Optional.empty();
            }
            if (scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443) {
                port = -1;
            }
        }
        return Optional.of(new Origin(scheme, m.group("host").toLowerCase(Locale.ROOT), port));
    }

    private static Origin parseBaseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("gateway.public-base-url: '" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !(path.isEmpty() || path.equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalStateException("gateway.public-base-url: '" + url + "' must be http(s)://host[:port]");
        }
        return parseHost(scheme, uri.getRawAuthority()).orElseThrow(() -> new IllegalStateException(
                "gateway.public-base-url: '" + url + "' must be http(s)://host[:port]"));
    }

    /** An address block: {@code 10.0.0.0/8}, {@code fd00::/8}, or a single address. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] address = literal(parts[0].trim())
                    .orElseThrow(() -> new IllegalStateException("gateway.trusted-proxies: '" + text + "' is not an IP address or block"));
            int bits = address.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1].trim());
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalStateException("gateway.trusted-proxies: '" + text + "' has a bad prefix length");
                }
            }
            return new Cidr(address, bits);
        }

        boolean contains(String address) {
            Optional<byte[]> a = literal(address);
            if (a.isEmpty() || a.get().length != network.length) {
                return false;
            }
            BigInteger mask = bits == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(network.length * 8 - bits);
            return new BigInteger(1, a.get()).and(mask).equals(new BigInteger(1, network).and(mask));
        }

        static boolean isAddress(String text) {
            return literal(text).isPresent();
        }

        /** The bytes of an IP literal, without any name lookup; empty for anything else. */
        private static Optional<byte[]> literal(String text) {
            if (text == null || text.isEmpty()) {
                return Optional.empty();
            }
            String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
            boolean ipv4 = t.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
            boolean ipv6 = t.indexOf(':') >= 0 && t.matches("[0-9A-Fa-f:.]+");
            if (!ipv4 && !ipv6) {
                return Optional.empty();
            }
            try {
                byte[] bytes = InetAddress.getByName(t).getAddress();   // a literal: no lookup
                return Optional.of(bytes);
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
    }
}
