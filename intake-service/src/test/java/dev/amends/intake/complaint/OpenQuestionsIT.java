package dev.amends.intake.complaint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.SignedIn;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class OpenQuestionsIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void anOpenQuestionShowsOnTheComplaintUntilItIsAnswered() {
        String id = file();
        String questionId = given().contentType(ContentType.JSON)
                .body(Map.of("question", "Which delivery slot were you given?", "askedBy", "agent:maria"))
                .post("/api/v1/complaints/" + id + "/questions")
                .then().statusCode(201)
                .header("Location", containsString("/questions/"))
                .body("answer", nullValue())
                .extract().path("id");

        given().get("/api/v1/complaints/" + id).then()
                .body("openQuestions", equalTo(1))
                .body("questions[0].question", equalTo("Which delivery slot were you given?"))
                .body("timeline.event", contains("RECEIVED", "QUESTION_ASKED"));

        given().contentType(ContentType.JSON)
                .body(Map.of("answer", "Tuesday 8-12, and I was home all morning.", "answeredBy", "customer"))
                .post("/api/v1/complaints/" + id + "/questions/" + questionId + "/answer")
                .then().statusCode(200).body("answeredBy", equalTo("customer"));

        given().get("/api/v1/complaints/" + id).then()
                .body("openQuestions", equalTo(0))
                .body("questions[0].answer", equalTo("Tuesday 8-12, and I was home all morning."))
                .body("timeline.event", contains("RECEIVED", "QUESTION_ASKED", "QUESTION_ANSWERED"))
                .body("timeline.stage", contains("LISTEN", "LISTEN", "LISTEN"));
    }

    @Test
    void answeringTwiceIsAConflictAndKeepsTheFirstAnswer() {
        String id = file();
        String questionId = given().contentType(ContentType.JSON)
                .body(Map.of("question", "Was the box damaged?", "askedBy", "agent:maria"))
                .post("/api/v1/complaints/" + id + "/questions").then().extract().path("id");
        String path = "/api/v1/complaints/" + id + "/questions/" + questionId + "/answer";
        given().contentType(ContentType.JSON).body(Map.of("answer", "Yes", "answeredBy", "customer"))
                .post(path).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("answer", "No", "answeredBy", "agent:tom"))
                .post(path).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:conflict"));
        given().get("/api/v1/complaints/" + id).then().body("questions[0].answer", equalTo("Yes"));
    }

    @Test
    void questionsAboutUnknownComplaintsOrQuestionsAre404Problems() {
        given().contentType(ContentType.JSON).body(Map.of("question", "Why?", "askedBy", "agent:maria"))
                .post("/api/v1/complaints/" + UUID.randomUUID() + "/questions")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("answer", "Because", "answeredBy", "customer"))
                .post("/api/v1/complaints/" + file() + "/questions/" + UUID.randomUUID() + "/answer")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Question not found"));
    }

    @Test
    void aBlankQuestionIsRefusedAndChangesNothing() {
        String id = file();
        given().contentType(ContentType.JSON).body(Map.of("question", " ", "askedBy", "agent:maria"))
                .post("/api/v1/complaints/" + id + "/questions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("question"));
        given().get("/api/v1/complaints/" + id).then().body("openQuestions", equalTo(0))
                .body("timeline.event", contains("RECEIVED"));
    }

    private static String file() {
        return given().contentType(ContentType.JSON).body(ComplaintRequests.complaint())
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
    }
}
