package dev.amends.console.pages;

import dev.amends.console.staff.Staff;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Where signing in lands: the page of the person's main work. */
@Path("/")
public class Home {

    @Inject
    Staff staff;

    @Inject
    @Location("signed-out.html")
    Template signedOut;

    @GET
    @Operation(summary = "The start page: escalations for approvers, the policy for policy admins, operations otherwise")
    public Response home() {
        String start = staff.approves() ? "/escalations" : staff.administersPolicy() ? "/policy" : "/operations";
        return Response.seeOther(URI.create(start)).build();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Shown after signing out, at the identity provider too")
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }
}
