package dev.amends.console.services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceProblemTest {

    @Test
    void aProblemIsReadInTheServicesOwnWordsWithEachFieldItNames() {
        String body = """
                {"type": "urn:amends:problem:policy-invalid", "title": "The policy document is not valid",
                 "status": 422, "detail": "2 problem(s) in the policy document; the active policy keeps running.",
                 "errors": [{"field": "authority.automatic.limit.EUR", "message": "must not exceed the supervisor's",
                             "type": "invalid"}, {"field": "", "message": "name is missing", "type": "missing"}]}
                """;
        ServiceProblem problem = ServiceProblem.of("recovery-service", new WebApplicationException(
                Response.status(422).entity(body).type("application/problem+json").build()));

        assertEquals("The policy document is not valid", problem.title());
        assertEquals(List.of("authority.automatic.limit.EUR: must not exceed the supervisor's", "name is missing"),
                problem.errors());
        assertEquals("The policy document is not valid: 2 problem(s) in the policy document; the active policy "
                + "keeps running.", problem.words());
    }

    @Test
    void aRefusalWithoutABodyStillSaysWhatHappened() {
        ServiceProblem problem = ServiceProblem.of("review-service",
                new WebApplicationException(Response.status(403).build()));
        assertEquals("Not allowed for your role", problem.title());
        assertEquals(403, problem.status());
    }
}
