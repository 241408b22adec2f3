package dev.amends.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on loopback that behaves as a relay can misbehave: at one step of the
 * conversation it stops answering (the connection stays open) or answers with a reply code of its
 * choosing; or it closes each connection once a message is through, as relays do with idle ones.
 * It counts the messages whose data it received in full.
 */
public final class ScriptedRelay implements AutoCloseable {

    /** The steps a relay answers, in the order of a conversation. */
    public enum Step {
        GREETING, EHLO, MAIL_FROM, RCPT_TO, DATA, END_OF_DATA
    }

    private final ServerSocket server;
    private final Step step;
    private final String answer;
    private final boolean closeAfterEachMessage;
    private final Duration delay;
    private final AtomicInteger messagesReceived = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<String> messageIds = new CopyOnWriteArrayList<>();

    private ScriptedRelay(Step step, String answer, boolean closeAfterEachMessage, Duration delay) {
        this.step = step;
        this.answer = answer;
        this.closeAfterEachMessage = closeAfterEachMessage;
        this.delay = delay;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "scripted-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Stops answering at {@code step}, keeping the connection open. */
    public static ScriptedRelay silentAt(Step step) {
        return new ScriptedRelay(step, null, false, Duration.ZERO);
    }

    /** Answers {@code step} with {@code reply} (such as "550 5.1.1 no such mailbox") instead of accepting it. */
    public static ScriptedRelay answering(Step step, String reply) {
        return new ScriptedRelay(step, reply, false, Duration.ZERO);
    }

    /** Accepts {@code step} as a relay would, but only after {@code delay}: a slow relay, not a dead one. */
    public static ScriptedRelay slowAt(Step step, Duration delay) {
        return new ScriptedRelay(step, null, false, delay);
    }

    /** Takes every message, then closes the connection without a word, as a relay drops idle ones. */
    public static ScriptedRelay closingAfterEachMessage() {
        return new ScriptedRelay(null, null, true, Duration.ZERO);
    }

    public int port() {
        return server.getLocalPort();
    }

    public int messagesReceived() {
        return messagesReceived.get();
    }

    /** How many times the data of this message (by its X-Amends-Message-Id) arrived in full. */
    public long received(String messageId) {
        return messageIds.stream().filter(messageId::equals).count();
    }

    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.incrementAndGet();
                // The greeting goes out the moment the connection is accepted, before the client has
                // said a word: the earliest a relay can speak, and when a client must already listen.
                boolean greeted = reply(socket.getOutputStream(), Step.GREETING, "220 relay.test ESMTP") != null;
                Thread session = new Thread(() -> converse(socket, greeted), "scripted-relay-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket, boolean greeted) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            if (!greeted) {
                hold(in);
                return;
            }
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                Step at = switch (command) {
                    case "EHLO", "HELO" -> Step.EHLO;
                    case "MAIL" -> Step.MAIL_FROM;
                    case "RCPT" -> Step.RCPT_TO;
                    case "DATA" -> Step.DATA;
                    default -> null;
                };
                if (command.equals("QUIT")) {
                    reply(out, null, "221 bye");
                    return;
                }
                if (at == null) {
                    reply(out, null, command.equals("RSET") || command.equals("NOOP") ? "250 OK" : "500 unknown");
                    continue;
                }
                String accepted = switch (at) {
                    case EHLO -> "250 relay.test";
                    case DATA -> "354 go ahead";
                    default -> "250 OK";
                };
                String sent = reply(out, at, accepted);
                if (sent == null) {
                    hold(in);
                    return;
                }
                if (at == Step.DATA && sent.equals(accepted)) {
                    for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
                        if (data.startsWith("X-Amends-Message-Id: ")) {
                            messageIds.add(data.substring("X-Amends-Message-Id: ".length()).strip());
                        }
                    }
                    messagesReceived.incrementAndGet();
                    if (reply(out, Step.END_OF_DATA, "250 2.0.0 queued") == null) {
                        hold(in);
                        return;
                    }
                    if (closeAfterEachMessage) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Answers a step as scripted, and says what it answered: null when the script falls silent here. */
    private String reply(OutputStream out, Step at, String accepted) throws IOException {
        String text = accepted;
        if (at != null && at == step) {
            if (!delay.isZero()) {
                pause();
            } else if (answer == null) {
                return null;
            } else {
                text = answer;
            }
        }
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return text;
    }

    private void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the connection open and says nothing, reading whatever comes, until the client gives up. */
    private static void hold(BufferedReader in) throws IOException {
        while (in.readLine() != null) {
            // silence
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : open) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
