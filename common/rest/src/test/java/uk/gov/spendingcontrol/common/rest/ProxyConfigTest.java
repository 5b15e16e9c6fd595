package uk.gov.spendingcontrol.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.CidrAddressConverter;
import io.quarkus.runtime.configuration.InetSocketAddressConverter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The trusted proxies of the base configuration are addresses, never host names. Quarkus (TrustedProxyCheckPartConverter)
 * reads an entry that is not CIDR as {@code host[:port]} with the converters used here; an entry that does not come out
 * as an address is a host name, looked up by DNS on every request (a new DNS client, one UDP socket, a 5 s wait when the
 * answer is lost): under 16 concurrent clients that stalled every service for 5 s at a time (docs/performance.md).
 */
class ProxyConfigTest {

    private static final String PROPERTY = "quarkus.http.proxy.trusted-proxies";
    /** How Quarkus tells a CIDR entry from a socket address. */
    private static final Pattern CIDR = Pattern.compile(".+/\\d+");

    @Test
    void trustedProxiesAreTheTwoLoopbackAddressesAndNoHostName() throws Exception {
        List<String> entries = Arrays.stream(baseConfiguration().getProperty(PROPERTY).split(",")).map(String::trim)
                .toList();
        for (String entry : entries) {
            assertFalse(isHostName(entry), "'" + entry + "' in " + PROPERTY + " is read as a host name");
        }
        for (String loopback : new String[] {"127.0.0.1", "::1"}) {
            InetAddress address = InetAddress.getByName(loopback);
            assertTrue(entries.stream().anyMatch(e -> matches(e, address)), loopback + " is not trusted: " + entries);
        }
    }

    @Test
    void aBareIpv6AddressIsReadAsAHostName() {
        // what the base configuration said before: ':' port 1, looked up by DNS on every request
        InetSocketAddress bare = new InetSocketAddressConverter().convert("::1");
        assertTrue(bare.isUnresolved());
        assertEquals(":", bare.getHostString());
        assertEquals(1, bare.getPort());
        assertTrue(isHostName("::1"));
        assertFalse(isHostName("[::1]"));
        assertFalse(isHostName("::1/128"));
        assertTrue(isHostName("gateway"));
    }

    private static boolean isHostName(String entry) {
        if (CIDR.matcher(entry).matches()) {
            new CidrAddressConverter().convert(entry);
            return false;
        }
        InetSocketAddress address = new InetSocketAddressConverter().convert(entry);
        return address.isUnresolved() || address.getAddress() == null;
    }

    private static boolean matches(String entry, InetAddress address) {
        if (CIDR.matcher(entry).matches()) {
            return new CidrAddressConverter().convert(entry).matches(address);
        }
        InetSocketAddress trusted = new InetSocketAddressConverter().convert(entry);
        return trusted.getPort() == 0 && address.equals(trusted.getAddress());
    }

    private static Properties baseConfiguration() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProxyConfigTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            assertNotNull(in, "the base configuration is on the class path");
            p.load(in);
        }
        assertNotNull(p.getProperty(PROPERTY), PROPERTY + " is in the base configuration");
        return p;
    }
}
