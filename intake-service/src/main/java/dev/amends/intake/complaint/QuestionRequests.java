package dev.amends.intake.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What agents and CRMs send to ask and answer open questions. */
public final class QuestionRequests {

    private QuestionRequests() {
    }

    @Schema(description = "Something still unclear about the complaint.")
    public record Ask(
            @Schema(examples = "Which delivery slot were you given?") @NotBlank @Size(max = 2000) String question,
            @Schema(description = "Who asks: an agent's name or id.", examples = "agent:maria")
            @NotBlank @Size(max = 200) String askedBy) {
    }

    @Schema(description = "The answer, usually the customer's, as given.")
    public record Answer(
            @Schema(examples = "Tuesday 8-12, and I was home all morning.") @NotBlank @Size(max = 5000) String answer,
            @Schema(description = "Who answers or relays the answer.", examples = "customer")
            @NotBlank @Size(max = 200) String answeredBy) {
    }
}
