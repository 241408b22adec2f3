package dev.amends.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.amends.devkit.SignedIn;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * How long each console page takes to load in chromium with 10,000 complaints in the platform.
 * Not part of the test command (failsafe runs *IT only); run it with
 * {@code ./mvnw -pl system-tests -am verify -Dit.test=ConsolePageLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>The complaints are filed through intake's API (a mix of amounts within and above authority,
 * five categories, one customer in five complaining again) and go through the whole platform:
 * decided, made good or escalated, the customer mailed. Once all are through, each page is loaded
 * five times after one warm-up load, and the browser's Navigation Timing says when the page's HTML
 * had arrived and when the page had loaded (DOM, styles, scripts).
 */
class ConsolePageLoadBenchmark {

    private static final int COMPLAINTS = Integer.getInteger("amends.bench.complaints", 10_000);
    private static final String[] CATEGORIES = { "DELIVERY", "PRODUCT", "BILLING", "SERVICE", "OTHER" };
    private static final String[] AMOUNTS = { "19.99", "39.00", "45.50", "120.00", "400.00" };

    @Test
    void pageLoadTimesWithTenThousandComplaints() throws Exception {
        SignedIn.asStaff();
        RunningPlatform platform = RunningPlatform.shared();
        ServiceProcess console = platform.console();
        String intake = platform.service("intake-service").baseUri();

        long filingStarted = System.nanoTime();
        ExecutorService crm = Executors.newFixedThreadPool(8);
        List<Future<String>> filed = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            int n = i;
            filed.add(crm.submit(() -> file(intake, n)));
        }
        String someComplaint = null;
        for (Future<String> complaint : filed) {
            someComplaint = complaint.get();
        }
        crm.shutdown();
        double filingSeconds = (System.nanoTime() - filingStarted) / 1e9;
        System.out.printf("filed %d complaints in %.1f s (%.0f/s)%n", COMPLAINTS, filingSeconds,
                COMPLAINTS / filingSeconds);
        await().atMost(Duration.ofMinutes(40)).pollInterval(Duration.ofSeconds(5))
                .until(() -> told(platform) >= COMPLAINTS);
        System.out.printf("all through the platform %.0f s after filing started%n",
                (System.nanoTime() - filingStarted) / 1e9);

        String escalation = given().baseUri(platform.service("recovery-service").baseUri())
                .get("/api/v1/escalations").then().extract().path("[0].id");
        String order = given().baseUri(intake).get("/api/v1/complaints/" + someComplaint).then().extract()
                .path("orderReference");
        Map<String, String> supervisorPages = new LinkedHashMap<>();
        supervisorPages.put("escalations (500 of the open read)", "/escalations");
        supervisorPages.put("escalation", "/escalations/" + escalation);
        supervisorPages.put("reviews", "/reviews");
        supervisorPages.put("complaints, newest first", "/complaints");
        supervisorPages.put("complaints by order", "/complaints?order=" + order);
        supervisorPages.put("complaints by status", "/complaints?status=ESCALATED");
        supervisorPages.put("complaint", "/complaints/" + someComplaint);
        supervisorPages.put("root causes, 8 weeks", "/root-causes");
        supervisorPages.put("root causes, 26 weeks", "/root-causes?weeks=26");
        supervisorPages.put("policy", "/policy");
        Map<String, String> opsPages = new LinkedHashMap<>();
        opsPages.put("operations", "/operations");
        opsPages.put("held messages", "/messages?status=HELD");
        opsPages.put("parked messages", "/messages?status=PARKED");

        System.out.printf("%nPage loads in chromium, %d complaints, median (max) of 5 after a warm-up, ms%n", COMPLAINTS);
        System.out.printf("%-32s %16s %16s%n", "page", "HTML in", "loaded");
        try (Browser sam = Browser.signedIn(console, "sam"); Browser olu = Browser.signedIn(console, "olu")) {
            supervisorPages.forEach((name, path) -> measure(sam, console.baseUri() + path, name));
            opsPages.forEach((name, path) -> measure(olu, console.baseUri() + path, name));
        }
    }

    private static void measure(Browser browser, String url, String name) {
        List<Double> html = new ArrayList<>();
        List<Double> loaded = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            browser.driver().get(url);
            browser.waitFor(By.id("who"));
            @SuppressWarnings("unchecked")
            List<Number> timing = (List<Number>) ((JavascriptExecutor) browser.driver()).executeScript("""
                    const n = performance.getEntriesByType('navigation')[0];
                    return [n.responseEnd - n.startTime, n.loadEventEnd - n.startTime];
                    """);
            if (i > 0) {
                html.add(timing.get(0).doubleValue());
                loaded.add(timing.get(1).doubleValue());
            }
        }
        System.out.printf("%-32s %9.0f (%4.0f) %9.0f (%4.0f)%n", name, median(html), max(html), median(loaded),
                max(loaded));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** How many of the complaints notification-service has written to their customer about. */
    private static long told(RunningPlatform platform) throws Exception {
        try (Connection db = platform.database("notification-service"); Statement query = db.createStatement();
                ResultSet count = query.executeQuery("select count(distinct complaint_id) from customer_message")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String file(String intake, int n) {
        // One customer in five complains again.
        String customer = "CUST-BENCH-" + (n % 5 == 0 ? n / 5 : UUID.randomUUID());
        return given().baseUri(intake).contentType(ContentType.JSON)
                .body(Map.of(
                        "customer", Map.of("id", customer, "name", "Customer " + n,
                                "email", "customer." + n + "@example.com", "timeZone", "Europe/London"),
                        "receivedVia", "EMAIL", "category", CATEGORIES[n % CATEGORIES.length],
                        "summary", "Order " + n + " went wrong",
                        "story", "The parcel came two weeks late and nobody answered my calls.",
                        "orderReference", "ORD-BENCH-" + n,
                        "amountAtStake", Map.of("amount", AMOUNTS[n % AMOUNTS.length], "currency", "EUR")))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
    }
}
