package dev.amends.notification.channel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The SMS provider's Messages API, in the shape Twilio made common: a form post, a JSON answer. */
@Path("/2010-04-01/Accounts/{account}/Messages.json")
public interface SmsProviderApi {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Receipt send(@PathParam("account") String account, @HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @FormParam("To") String to,
            @FormParam("From") String from, @FormParam("Body") String body);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Receipt(String sid, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(Integer code, String message) {
    }
}
