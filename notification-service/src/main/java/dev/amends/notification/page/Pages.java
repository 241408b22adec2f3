package dev.amends.notification.page;

import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The short pages a customer sees after clicking a link in a message. A browser gets a page;
 * anything else asking (a mail client's one-click unsubscribe, a script) gets problem+json errors.
 */
@ApplicationScoped
public class Pages {

    private final Template page;

    Pages(@Location("pages/page") Template page) {
        this.page = page;
    }

    public Response ok(String title, String text) {
        return Response.ok(render(title, text, null, null), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /**
     * A page with one button that posts to {@code action}: for what a link must not do on a mere GET
     * or HEAD, which mail scanners and link previews send to every link in a message.
     */
    public Response confirm(String title, String text, String action, String button) {
        return Response.ok(render(title, text, action, button), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    public Response error(HttpHeaders headers, int status, ProblemType type, String title, String text) {
        boolean browser = headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.isCompatible(MediaType.TEXT_HTML_TYPE) && !m.isWildcardType());
        if (!browser) {
            throw new ProblemException(status, type, title, text);
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(render(title, text, null, null)).build();
    }

    private String render(String title, String text, String action, String button) {
        return page.data("title", title).data("text", text).data("action", action).data("button", button).render();
    }
}
