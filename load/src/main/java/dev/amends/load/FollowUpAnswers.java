package dev.amends.load;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's customers answer "did this fix it?": each reads the follow-up in their own mailbox of
 * the SMTP capture (over IMAP, as any mail client would), and follows the signed link, "yes" two
 * times in three and "no, not yet" the third, which reopens the complaint.
 */
final class FollowUpAnswers {

    /** A customer's answer to the follow-up of one round. */
    record Answer(String complaintId, int round, boolean fixed) {
    }

    private static final Pattern YES = Pattern.compile("Yes, it is fixed: (\\S+)");
    private static final Pattern NO = Pattern.compile("No, not yet: (\\S+)");

    private final HttpClient http;
    private final int imapPort;
    private final NotifiedListener notified;
    private final Map<String, String> mailboxes = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newFixedThreadPool(8);
    private final Map<String, Integer> answeredRounds = new ConcurrentHashMap<>();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile String lastFailure;
    private final AtomicInteger turns = new AtomicInteger();

    FollowUpAnswers(HttpClient http, String imapPort, NotifiedListener notified) {
        this.http = http;
        this.imapPort = Integer.parseInt(imapPort);
        this.notified = notified;
    }

    /** A complaint filed: its customer may be asked, at the address the harness gave. */
    void watch(OpenLoad.Post post) {
        mailboxes.put(post.complaintId(), post.complaint().customerId().toLowerCase(Locale.ROOT) + "@load.example");
    }

    /** Answers every follow-up sent since the last turn; a failure is counted and tried next turn. */
    void answerSome() {
        // Customers read their mail at the same time, not one after another: a follow-up arrives
        // several times a second at 20 complaints/s, and one IMAP session takes a good part of one.
        List<Callable<Void>> due = new ArrayList<>();
        for (Map.Entry<String, String> mailbox : mailboxes.entrySet()) {
            int round = answeredRounds.getOrDefault(mailbox.getKey(), 0) + 1;
            String messageId = notified.messageId(mailbox.getKey(), "FOLLOW_UP", round);
            if (messageId != null) {
                due.add(() -> {
                    try {
                        answer(mailbox.getKey(), round, mailbox.getValue(), messageId);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        lastFailure = e.toString();
                    }
                    return null;
                });
            }
        }
        try {
            readers.invokeAll(due);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(String complaintId, int round, String address, String messageId) throws Exception {
        String text = followUp(address, messageId);
        if (text == null) {
            return;
        }
        boolean fixed = turns.incrementAndGet() % 3 != 0;
        Matcher link = (fixed ? YES : NO).matcher(text);
        if (!link.find()) {
            throw new IllegalStateException("the follow-up of " + complaintId + " has no answer link");
        }
        HttpResponse<Void> answered = http.send(HttpRequest.newBuilder(URI.create(link.group(1))).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        if (answered.statusCode() != 200) {
            throw new IllegalStateException("answering " + complaintId + " got " + answered.statusCode());
        }
        answeredRounds.put(complaintId, round);
        answers.add(new Answer(complaintId, round, fixed));
    }

    /** The text of the follow-up with this message id in the customer's mailbox, or null until it is there. */
    private String followUp(String address, String messageId) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort, address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] found = inbox.search(new HeaderTerm("X-Amends-Message-Id", messageId));
            return found.length == 0 ? null : text(found[0]);
        } finally {
            store.close();
        }
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = text(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    int failed() {
        return failed.get();
    }

    /** Why the last failed attempt failed, for the report; null when none did. */
    String lastFailure() {
        return lastFailure;
    }

    /** Follow-ups sent and not yet answered. */
    long waiting() {
        return mailboxes.keySet().stream().filter(id -> notified.messageId(id, "FOLLOW_UP",
                answeredRounds.getOrDefault(id, 0) + 1) != null).count();
    }

    /** The "not yet" answers whose customer has not heard back in the next round (yet). */
    List<Answer> reopenedUntold() {
        return answers.stream().filter(a -> !a.fixed() && notified.notifiedAt(a.complaintId()) != null
                && List.of("APOLOGY", "ESCALATION_NOTICE", "MAKE_GOOD_CONFIRMATION").stream()
                        .noneMatch(kind -> notified.told(a.complaintId(), kind, a.round() + 1))).toList();
    }
}
