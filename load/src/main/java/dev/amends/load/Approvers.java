package dev.amends.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.devkit.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak's supervisors and managers, each signed in as themselves (a token of the local tenant's
 * identity provider): every couple of seconds each takes the top of their queue, as the console
 * shows it to them, and approves two in three and declines the third with a reason.
 */
final class Approvers {

    /** An escalation a person answered, and how. */
    record Answer(String escalationId, String complaintId, int round, String level, boolean approved, String by) {
    }

    private record Person(String name, String role, String token) {
    }

    private static final int PER_TURN = 5;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final URI escalations;
    private final List<Person> people;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger turns = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    Approvers(HttpClient http, URI recovery, Tokens tokens) {
        this.http = http;
        this.escalations = recovery.resolve("/api/v1/escalations");
        this.people = List.of(person(tokens, "soak.supervisor.ana", "supervisor"),
                person(tokens, "soak.supervisor.ben", "supervisor"), person(tokens, "soak.manager.chloe", "manager"),
                person(tokens, "soak.manager.dev", "manager"));
    }

    private static Person person(Tokens tokens, String name, String role) {
        return new Person(name, role, "Bearer " + tokens.sign("local", name, Duration.ofHours(4), role));
    }

    /** One turn of every person; a failure is counted, never allowed to stop the turns. */
    void decideSome() {
        for (Person person : people) {
            try {
                decide(person);
            } catch (Exception e) {
                refused.incrementAndGet();
            }
        }
    }

    private void decide(Person person) throws Exception {
        // A manager's queue puts manager-level escalations first; a supervisor's shows their level.
        String query = person.role().equals("manager") ? "?status=open&first=MANAGER&limit=" + PER_TURN * 2
                : "?status=open&level=SUPERVISOR&limit=" + PER_TURN * 2;
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(escalations + query))
                .header("Authorization", person.token()).build(), HttpResponse.BodyHandlers.ofString());
        int done = 0;
        for (JsonNode escalation : json.readTree(page.body())) {
            String id = escalation.path("id").asText();
            if (done == PER_TURN || !answered.add(id)) {
                continue;
            }
            boolean approve = turns.incrementAndGet() % 3 != 0;
            String body = approve ? "{\"note\":\"Soak: approved as proposed\"}"
                    : "{\"reason\":\"Soak: the carrier's insurance covers this; we will call you about the claim\"}";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create(escalations + "/" + id + (approve ? "/approve" : "/decline")))
                    .header("Authorization", person.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                answers.add(new Answer(id, escalation.path("complaintId").asText(), escalation.path("round").asInt(1),
                        escalation.path("level").asText(), approve, person.name()));
                done++;
            } else {
                refused.incrementAndGet();
            }
        }
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Refusals and failures of the approvers' calls: a soak that cannot decide is not a soak. */
    int refused() {
        return refused.get();
    }

    /** The answers whose customer has not been told the decision (yet). */
    List<Answer> untold(NotifiedListener notified) {
        return answers.stream().filter(a -> !notified.told(a.complaintId(),
                a.approved() ? "MAKE_GOOD_CONFIRMATION" : "ESCALATION_DECLINED", a.round())).toList();
    }

    Map<String, Long> byLevel() {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        answers.forEach(a -> counts.merge(a.level() + (a.approved() ? " approved" : " declined"), 1L, Long::sum));
        return counts;
    }
}
