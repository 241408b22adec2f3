package dev.amends.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void aPickedPortIsFreeBelowTheEphemeralRangeAndNeverHandedOutTwice() throws IOException {
        int ephemeralFrom;
        try (BufferedReader range = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            ephemeralFrom = Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
        }
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePort.pick();
            assertTrue(port >= 10_000 && port < ephemeralFrom, "port " + port);
            picked.add(port);
        }
        assertEquals(200, picked.size());
        int port = FreePort.pick();
        try (ServerSocket server = new ServerSocket(port)) {
            assertEquals(port, server.getLocalPort());
        }
    }
}
