package dev.amends.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.contract.review.ReviewSignature;
import dev.amends.devkit.LocalSmtp;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.Tokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packaged console in Debian's chromium, signed in through the test run's Keycloak, against the
 * shared platform: what supervisors, approvers and operations do there reaches the customer, and
 * what their roles do not allow is refused in the page and by the API. The screenshots in the
 * README are taken here, so they show the pages as they are.
 */
class ConsoleIT {

    private static RunningPlatform platform;
    private static ServiceProcess console;
    private Browser session;
    private WebDriver browser;

    @BeforeAll
    static void startConsole() {
        SignedIn.asStaff();
        platform = RunningPlatform.shared();
        console = platform.console();
    }

    @AfterEach
    void closeBrowser() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aSupervisorSignsInFindsAnEscalationFiledThroughTheApiApprovesItAndTheCustomerIsEmailed() throws Exception {
        String email = "ada." + UUID.randomUUID() + "@example.com";
        // Above the automatic authority (50 EUR), within a supervisor's (250 EUR).
        String complaintId = file("120.00", email, "ORD-CONSOLE-1");
        String escalationId = escalationOf(complaintId);

        signIn("sam");
        browser.get(console.baseUri() + "/escalations");
        WebElement row = waitFor(By.cssSelector("tr[data-escalation='" + escalationId + "']"));
        screenshot("escalations");
        row.findElement(By.tagName("a")).click();
        waitFor(By.cssSelector("blockquote.story"));
        assertTrue(browser.getPageSource().contains("nobody came"), "the page shows the customer's own story");
        screenshot("escalation");
        browser.findElement(By.cssSelector("form.approve button[name=approve]")).click();

        WebElement answered = waitFor(By.id("answered"));
        assertTrue(answered.getText().startsWith("Approved by sam"), answered.getText());
        await().atMost(Duration.ofSeconds(60)).until(() -> !platform.smtp().receivedFor(email).isEmpty());
        // The page follows what the customer hears, without a reload.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("ul.messages"), "sent"));
        given().baseUri(platform.service("recovery-service").baseUri()).get("/api/v1/escalations/" + escalationId)
                .then().body("status", equalTo("APPROVED")).body("resolvedBy", equalTo("sam"));
    }

    @Test
    void aDeclineCarriesTheNextStepToTheCustomer() throws Exception {
        String email = "grace." + UUID.randomUUID() + "@example.com";
        String escalationId = escalationOf(file("120.00", email, "ORD-CONSOLE-2"));
        String nextStep = "We will trace the parcel with the carrier and call you by Friday with what we found.";

        signIn("sam");
        browser.get(console.baseUri() + "/escalations/" + escalationId);
        WebElement decline = waitFor(By.cssSelector("form.decline"));
        // A decline without a next step is refused by the browser, then by the service.
        decline.findElement(By.name("nextStep")).sendKeys(nextStep);
        decline.findElement(By.cssSelector("button[name=decline]")).click();

        WebElement answered = waitFor(By.id("answered"));
        assertTrue(answered.getText().contains(nextStep), answered.getText());
        // First the notice that a person looks at it, then the answer with the next step.
        await().atMost(Duration.ofSeconds(60)).until(() -> platform.smtp().receivedFor(email).stream()
                .anyMatch(mail -> LocalSmtp.text(mail).contains("trace the parcel")));
    }

    @Test
    void aReviewDraftIsEditedApprovedAndPostedToTheReviewPlatform() throws Exception {
        String order = "ORD-CONSOLE-" + UUID.randomUUID();
        String complaintId = file("39.00", "linus." + UUID.randomUUID() + "@example.com", order);
        ServiceProcess review = platform.service("review-service");
        // The refund and the apology first: a fact arriving later would redraft the response as a new version.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(review.baseUri())
                .get("/api/v1/case-records/" + complaintId).then().statusCode(200)
                .body("facts.kind", hasItems("MAKE_GOOD_ISSUED", "REPLIED")));
        String reviewName = "accounts/1/locations/1/reviews/" + UUID.randomUUID();
        byte[] body = new ObjectMapper().writeValueAsBytes(Map.of("platform", "GOOGLE", "platformReviewId", reviewName,
                "rating", 1, "authorName", "Ada L.", "text", "Fridge two weeks late and nobody answered.",
                "writtenAt", Instant.now().toString(), "orderReference", order));
        String reviewId = given().baseUri(review.baseUri()).contentType(ContentType.JSON)
                .header("Amends-Tenant", SignedIn.TENANT)
                .header(ReviewSignature.HEADER, ReviewSignature.header(RunningPlatform.REVIEW_WEBHOOK_SECRET,
                        Instant.now(), body))
                .body(body).post("/api/v1/reviews").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(review.baseUri())
                .get("/api/v1/reviews/" + reviewId).then().body("response.status", equalTo("DRAFTED")));

        signIn("sam");
        browser.get(console.baseUri() + "/reviews/" + reviewId);
        WebElement text = waitFor(By.cssSelector("#response textarea[name=text]"));
        screenshot("review");
        String edited = text.getText() + " Ada, I have asked our delivery lead to call you today.";
        text.clear();
        text.sendKeys(edited);
        browser.findElement(By.cssSelector("#response button[name=save]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#response h2"), "version 2"));
        // The draft it replaced is still there, and approving it instead takes a deliberate tick.
        WebElement first = waitFor(By.id("version-1"));
        assertTrue(first.getText().contains("drafted when the review arrived"), first.getText());
        assertEquals("true", first.findElement(By.name("olderVersion")).getAttribute("required"));
        browser.findElement(By.cssSelector("#response button[name=approve]")).click();

        waitFor(By.id("published"), Duration.ofSeconds(60));
        assertEquals(1, platform.google().repliesTo(reviewName).size());
        assertTrue(platform.google().repliesTo(reviewName).get(0).getBodyAsString().contains("delivery lead to call you"));
    }

    @Test
    void aMessageTheToneCheckHeldIsReleasedFromThePageWithItsFindingMarked() throws Exception {
        String email = "mary." + UUID.randomUUID() + "@example.com";
        String complaintId = file("400.00", email, "ORD-CONSOLE-3");
        String escalationId = escalationOf(complaintId);
        given().baseUri(platform.service("recovery-service").baseUri()).contentType(ContentType.JSON)
                .body(Map.of("reason", "As stated in our policy, the delivery fee is not refundable."))
                .post("/api/v1/escalations/" + escalationId + "/decline").then().statusCode(200);
        ServiceProcess notification = platform.service("notification-service");
        String messageId = await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(notification.baseUri())
                .queryParam("complaintId", complaintId).get("/api/v1/notifications").then().extract()
                .<List<Map<String, Object>>>path("findAll { it.status == 'HELD' }"), held -> !held.isEmpty())
                .get(0).get("id").toString();

        signIn("olu");
        browser.get(console.baseUri() + "/messages?status=HELD");
        WebElement held = waitFor(By.id("message-" + messageId));
        assertEquals("As stated in our policy", held.findElement(By.tagName("mark")).getText());
        screenshot("held-message");
        WebElement body = held.findElement(By.name("body"));
        String softened = body.getAttribute("value").replace("As stated in our policy, the", "The");
        body.clear();
        body.sendKeys(softened);
        held.findElement(By.cssSelector("button[name=release]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("message-" + messageId), "pending"));
        // The escalation notice, then the released answer: softened, as the person left it.
        await().atMost(Duration.ofSeconds(60)).until(() -> platform.smtp().receivedFor(email).stream()
                .anyMatch(mail -> LocalSmtp.text(mail).contains("delivery fee is not refundable")));
        assertTrue(platform.smtp().receivedFor(email).stream()
                .noneMatch(mail -> LocalSmtp.text(mail).contains("As stated in our policy")));
    }

    @Test
    void opsAndCrmClientsCannotApproveInThePageNorThroughTheApi() throws Exception {
        String escalationId = escalationOf(file("400.00", "alan." + UUID.randomUUID() + "@example.com", "ORD-CONSOLE-4"));
        for (String person : List.of("olu", "crm")) {
            signIn(person);
            browser.get(console.baseUri() + "/escalations/" + escalationId);
            WebElement refusal = waitFor(By.cssSelector(".problem"));
            assertTrue(refusal.getText().contains("403"), refusal.getText());
            assertTrue(browser.findElements(By.cssSelector("button[name=approve]")).isEmpty(),
                    person + " was offered an approve button");
            session.close();
            session = null;
        }
        for (String role : List.of("ops", "crm-client")) {
            given().baseUri(platform.service("recovery-service").baseUri())
                    .header("Authorization", SignedIn.bearer(SignedIn.TENANT, role)).contentType(ContentType.JSON)
                    .body(Map.of()).post("/api/v1/escalations/" + escalationId + "/approve").then().statusCode(403);
        }
        given().baseUri(platform.service("recovery-service").baseUri()).get("/api/v1/escalations/" + escalationId)
                .then().body("status", equalTo("OPEN"));
    }

    @Test
    void theOperationsPageShowsLagRiseWhileAConsumerIsStoppedAndFallWhenItReturns() throws Exception {
        signIn("olu");
        browser.get(console.baseUri() + "/operations");
        By lag = By.cssSelector("tr[data-topic='amends.complaints'][data-group='notification-service'] td.lag");
        waitFor(lag);
        screenshot("operations");
        ServiceProcess notification = platform.service("notification-service");
        notification.stop();
        try {
            for (int i = 0; i < 20; i++) {
                file("39.00", "lag." + UUID.randomUUID() + "@example.com", "ORD-LAG-" + i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> lagShown(lag) >= 20);
            screenshot("operations-lagging");
        } finally {
            notification.start();
            notification.awaitReady();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> lagShown(lag) == 0);
    }

    @Test
    void aSupervisorFindsAComplaintByItsOrderReadsItsTimelineAndFollowsItsRootCauseToOtherStories() throws Exception {
        String order = "ORD-FIND-" + UUID.randomUUID();
        String complaintId = file("39.00", "ada." + UUID.randomUUID() + "@example.com", order);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .baseUri(platform.service("intake-service").baseUri()).get("/api/v1/complaints/" + complaintId)
                .then().body("status", equalTo("CUSTOMER_NOTIFIED")));

        signIn("sam");
        browser.get(console.baseUri() + "/complaints");
        WebElement search = waitFor(By.cssSelector("form.search"));
        search.findElement(By.name("order")).sendKeys(order);
        search.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector("#complaints a[href='/complaints/" + complaintId + "']")).click();
        WebElement timeline = waitFor(By.id("timeline"));
        assertTrue(timeline.getText().contains("customer notified"), timeline.getText());
        assertTrue(browser.getPageSource().contains("nobody came"));
        screenshot("complaint");

        browser.get(console.baseUri() + "/root-causes");
        WebElement cause = waitFor(By.cssSelector("tr[data-cause='staff-responsiveness']"));
        screenshot("root-causes");
        cause.findElement(By.linkText("stories →")).click();
        waitFor(By.cssSelector("#complaints a[href='/complaints/" + complaintId + "']"));
    }

    @Test
    void aPolicyAdminDryRunsADraftAgainstRecentComplaintsAndSeesWhichDecisionsItChanges() throws Exception {
        escalationOf(file("120.00", "alan." + UUID.randomUUID() + "@example.com", "ORD-DRY-RUN"));
        int versions = given().baseUri(platform.service("recovery-service").baseUri()).get("/api/v1/policy/versions")
                .then().statusCode(200).extract().path("size()");

        signIn("pat");
        browser.get(console.baseUri() + "/policy");
        WebElement draft = waitFor(By.name("draft"));
        String generous = draft.getAttribute("value").replaceFirst("limit: \\{EUR: \"50.00\"", "limit: {EUR: \"200.00\"");
        draft.clear();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", draft,
                generous);
        browser.findElement(By.cssSelector("button[name=dry-run]")).click();

        WebElement results = waitFor(By.cssSelector("#dry-run-results, #dry-run .problem"), Duration.ofSeconds(60));
        assertEquals("dry-run-results", results.getAttribute("id"), results.getText());
        assertTrue(results.getText().contains("changed"), results.getText());
        screenshot("policy-dry-run");
        // A dry run activates nothing.
        given().baseUri(platform.service("recovery-service").baseUri()).get("/api/v1/policy/versions")
                .then().body("size()", equalTo(versions));
    }

    @Test
    void aPolicyAdminActivatesADraftAsTheNextVersionAndAnInvalidOneIsRefusedWithEachProblemNamed() {
        signIn("quinn");
        browser.get(console.baseUri() + "/policy");
        WebElement draft = waitFor(By.name("draft"));
        String source = draft.getAttribute("value");
        JavascriptExecutor page = (JavascriptExecutor) browser;

        page.executeScript("arguments[0].value = arguments[1];", draft,
                source.replaceFirst("limit: \\{EUR: \"50.00\"", "limit: {EUR: \"900.00\""));
        page.executeScript("window.confirm = () => true;");
        browser.findElement(By.cssSelector("button[name=activate]")).click();
        WebElement refused = waitFor(By.cssSelector("#activation .problem"));
        assertTrue(refused.getText().contains("authority"), refused.getText());

        page.executeScript("arguments[0].value = arguments[1];", draft,
                source.replaceFirst("limit: \\{EUR: \"50.00\"", "limit: {EUR: \"60.00\""));
        browser.findElement(By.cssSelector("button[name=activate]")).click();
        WebElement activated = waitFor(By.id("activated"));
        assertTrue(activated.getText().startsWith("Version 2"), activated.getText());
        given().baseUri(platform.service("recovery-service").baseUri())
                .header("Authorization", SignedIn.bearer(RunningPlatform.POLICY_TENANT, "policy-admin"))
                .get("/api/v1/policy").then().body("version", equalTo(2)).body("activatedBy", equalTo("quinn"));
    }

    @Test
    void aFormPostedWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        String escalationId = escalationOf(file("120.00", "csrf." + UUID.randomUUID() + "@example.com", "ORD-CSRF"));
        signIn("sam");
        browser.get(console.baseUri() + "/escalations/" + escalationId);
        waitFor(By.cssSelector("form.approve"));
        Object status = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/escalations/' + arguments[0] + '/approve', {method: 'POST',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'makeGood=proposed'})
                  .then(r => done(r.status), e => done(String(e)));
                """, escalationId);
        assertEquals(400L, status);
        given().baseUri(platform.service("recovery-service").baseUri()).get("/api/v1/escalations/" + escalationId)
                .then().body("status", equalTo("OPEN"));
    }

    @Test
    void signingOutEndsTheSessionAtTheIdentityProviderToo() {
        signIn("sam");
        browser.findElement(By.linkText("Sign out")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/signed-out"));
        browser.get(console.baseUri() + "/escalations");
        // No session here and none at Keycloak: the sign-in form again, not the queue.
        waitFor(By.id("username"));
        assertTrue(browser.getCurrentUrl().startsWith(platform.keycloak().baseUrl()), browser.getCurrentUrl());
    }

    @Test
    void aSupervisorSeesTheDaysFiguresOfTheirTenantButNotThePipelineEveryTenantShares() {
        signIn("sam");
        browser.get(console.baseUri() + "/operations");
        waitFor(By.id("figures"));
        assertTrue(browser.findElements(By.id("topics")).isEmpty(), "a supervisor was shown every tenant's pipeline");
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/operations/dead-letters?topic=amends.complaints.recovery-service.dlq')
                  .then(r => done(r.status), e => done(String(e)));
                """);
        assertEquals(403L, status);
    }

    private long lagShown(By lag) {
        try {
            return Long.parseLong(browser.findElement(lag).getText().strip());
        } catch (RuntimeException stale) {
            return -1;
        }
    }

    @Test
    void aManagerLandsOnManagerLevelEscalationsFirstAndTheQueueCountsAllOfMoreThanFiveHundred() throws Exception {
        ServiceProcess recovery = platform.service("recovery-service");
        String manager = Tokens.test().bearer(SignedIn.TENANT, "morgan", "manager");
        long before = openEscalations(recovery, manager);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // A bad day: 520 complaints above the automatic authority, one in four above a supervisor's.
        List<String> complaints = new ForkJoinPool(4).submit(() -> IntStream.range(0, 520).parallel()
                .mapToObj(i -> file(i % 4 == 0 ? "400.00" : "120.00", "queue." + run + "." + i + "@example.com",
                        "ORD-QUEUE-" + run + "-" + i)).toList()).join();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> openEscalations(recovery, manager) >= before + 520);
            long open = openEscalations(recovery, manager);

            signIn("morgan");
            browser.get(console.baseUri() + "/escalations");
            assertTrue(waitFor(By.id("escalation-total")).getText().startsWith(open + " open"),
                    browser.findElement(By.id("escalation-total")).getText());
            List<WebElement> levels = browser.findElements(By.cssSelector("#escalations tbody tr td:nth-child(5)"));
            assertEquals(25, levels.size());
            for (WebElement level : levels) {
                assertTrue(level.getText().startsWith("manager"), "a manager's first page: " + level.getText());
            }
            assertTrue(browser.findElement(By.cssSelector("nav.pager")).getText()
                    .contains("page 1 of " + ((open + 24) / 25)));
            // Narrowed to the supervisors' level, the count is theirs alone, and so are the rows.
            browser.get(console.baseUri() + "/escalations?status=open&level=SUPERVISOR");
            long supervisors = Long.parseLong(given().baseUri(recovery.baseUri()).header("Authorization", manager)
                    .queryParam("level", "SUPERVISOR").queryParam("limit", "1").get("/api/v1/escalations")
                    .header("X-Total-Count"));
            assertTrue(supervisors >= 390, "390 of ours are at supervisor level: " + supervisors);
            assertTrue(waitFor(By.id("escalation-total")).getText().startsWith(supervisors + " open"));
            for (WebElement level : browser.findElements(By.cssSelector("#escalations tbody tr td:nth-child(5)"))) {
                assertTrue(level.getText().startsWith("supervisor"), level.getText());
            }
        } finally {
            // Answered, so that the other tests find their own escalations at the top of the queue.
            new ForkJoinPool(4).submit(() -> complaints.parallelStream().forEach(id -> {
                String escalation = escalationOf(id);
                given().baseUri(recovery.baseUri()).header("Authorization", manager).contentType(ContentType.JSON)
                        .body(Map.of("reason", "Closed after the queue test")).post("/api/v1/escalations/" + escalation
                                + "/decline");
            })).join();
        }
    }

    private static long openEscalations(ServiceProcess recovery, String token) {
        return Long.parseLong(given().baseUri(recovery.baseUri()).header("Authorization", token)
                .queryParam("limit", "1").get("/api/v1/escalations").then().statusCode(200).extract()
                .header("X-Total-Count"));
    }

    private void signIn(String person) {
        session = Browser.signedIn(console, person);
        browser = session.driver();
    }

    private WebElement waitFor(By what) {
        return session.waitFor(what);
    }

    private WebElement waitFor(By what, Duration timeout) {
        return session.waitFor(what, timeout);
    }

    private void screenshot(String name) throws IOException {
        session.screenshot(name);
    }

    private static String file(String amount, String email, String order) {
        return given().baseUri(platform.service("intake-service").baseUri()).contentType(ContentType.JSON)
                .body(Map.of(
                        "customer", Map.of("id", "CUST-" + UUID.randomUUID(), "name", "Ada Lovelace", "email", email,
                                "timeZone", "Europe/London"),
                        "receivedVia", "EMAIL", "category", "DELIVERY", "summary", "Fridge delivered two weeks late",
                        "story", "I took two days off work to wait for the fridge and nobody came. Nobody called either.",
                        "desiredOutcome", "My delivery fee back", "orderReference", order,
                        "amountAtStake", Map.of("amount", amount, "currency", "EUR")))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
    }

    private static String escalationOf(String complaintId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> given()
                .baseUri(platform.service("recovery-service").baseUri()).get("/api/v1/recoveries/" + complaintId)
                .then().extract().<String>path("escalation.id"), id -> id != null);
    }
}
