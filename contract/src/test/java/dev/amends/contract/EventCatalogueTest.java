package dev.amends.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

    @Test
    void catalogueDocumentMatchesTheTopicsAndEventTypesInCode() throws IOException {
        String committed = Files.readString(Path.of("EVENTS.md"));
        assertEquals(EventCatalogue.render(), committed,
                "EVENTS.md is stale: run EventCatalogue.main with contract/EVENTS.md and commit the result");
    }
}
