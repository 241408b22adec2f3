package dev.amends.intake.webhook;

import com.sun.net.httpserver.HttpServer;
import dev.amends.devkit.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A real HTTP server standing in for a CRM's webhook endpoint; it can go down and come back. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String signature, String contentType, String body) {
    }

    private final int port;
    private final List<Received> received = new ArrayList<>();
    private HttpServer server;

    WebhookReceiver() {
        port = FreePort.pick();
    }

    String url() {
        return "http://localhost:" + port + "/amends/events";
    }

    void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/amends/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (received) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Amends-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
