package us.anth.plexus.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.docs.GeneratedPage;

/**
 * Fails when docs/reference/crd.md differs from what the CRD schema says: field tables, validation
 * rules and the order of the {@code kubectl get} columns.
 */
class CrdReferenceDocTest {
  static final Path PAGE = Path.of("../docs/reference/crd.md");

  @Test
  void referencePageMatchesTheCrds() throws IOException {
    StringBuilder page =
        new StringBuilder(
            """
            # CRD reference

            Generated from the CRD schema (the Java model in `crds/` is the source;
            `CrdReferenceDocTest` fails when this page is stale). Timestamps are ISO-8601 UTC
            strings. Which process writes which status field is in
            [Status-field ownership](../concepts/status-ownership.md).
            """);
    for (String file : CrdFiles.names()) {
      JsonNode crd = CrdFiles.read(file);
      page.append('\n').append(ReferenceTables.fieldTable(crd, "spec"));
      page.append('\n').append(ReferenceTables.fieldTable(crd, "status"));
      String rules = ReferenceTables.validationRules(crd);
      if (!rules.isEmpty()) {
        page.append('\n').append(rules).append('\n');
      }
      page.append('\n').append(ReferenceTables.printerColumns(crd)).append('\n');
    }
    GeneratedPage.check(
        PAGE,
        page.toString(),
        "./mvnw -pl crds -am verify -DskipITs -Dtest=CrdReferenceDocTest -Dplexus.docs.write=true"
            + " -Dsurefire.failIfNoSpecifiedTests=false");
  }
}
