package dev.amends.devkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for servers a test starts itself, in another process or later: chosen below the kernel's
 * ephemeral range. A port that {@code new ServerSocket(0)} found free is an ephemeral one, and until
 * its server binds it (a service still starting, a broker or database the fault tests stopped and
 * will restart on the same port) any outgoing connection of the machine may be given it as its local
 * port, and the server then fails to start with "port in use". Outgoing connections never get a
 * port below the range.
 */
public final class FreePort {

    private static final int LOWEST = 10_000;
    private static final int BELOW_EPHEMERAL = firstEphemeralPort();
    /** Each JVM starts at its own place, so two test JVMs rarely try the same ports. */
    private static final AtomicInteger NEXT = new AtomicInteger(
            ThreadLocalRandom.current().nextInt(BELOW_EPHEMERAL - LOWEST));

    private FreePort() {
    }

    /** A port nothing listens on now, never handed out twice by this JVM. */
    public static int pick() {
        for (int tried = 0; tried < BELOW_EPHEMERAL - LOWEST; tried++) {
            int port = LOWEST + Math.floorMod(NEXT.getAndIncrement(), BELOW_EPHEMERAL - LOWEST);
            try (ServerSocket probe = new ServerSocket(port)) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // listened on by someone else: the next one
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + BELOW_EPHEMERAL);
    }

    /** Linux says where its ephemeral range starts; elsewhere the IANA range's start (49152) is assumed. */
    private static int firstEphemeralPort() {
        // Read as a stream: procfs reports a size of 0, and Files.readString then stops after one byte.
        try (BufferedReader range = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            return Math.max(LOWEST + 1_000, Integer.parseInt(range.readLine().trim().split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }
}
