package dev.amends.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

    @Test
    void catalogueDocumentMatchesTheTopicsAndEventTypesInCode() throws IOException {
        Path document = Path.of("EVENTS.md");
        if (Boolean.getBoolean("amends.catalogue.write")) {
            Files.writeString(document, EventCatalogue.render());
        }
        assertEquals(EventCatalogue.render(), Files.readString(document),
                "EVENTS.md is stale: run ./mvnw -pl contract test -Damends.catalogue.write=true and commit it");
    }
}
