package us.anth.plexus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code kubectl get ptask} shows the risk: a printer column of the generated CRD. */
class RiskColumnTest {
  @Test
  void theGeneratedTaskCrdHasARiskPrinterColumn() throws IOException {
    JsonNode crd = CrdFiles.read("plexustasks.plexus.anth.us-v1.yml");
    List<String> columns = new ArrayList<>();
    crd.at("/spec/versions/0/additionalPrinterColumns")
        .forEach(c -> columns.add(c.get("name").asText() + "=" + c.get("jsonPath").asText()));
    assertThat(columns).contains("Risk=.status.risk");
    assertThat(
            crd.at(
                "/spec/versions/0/schema/openAPIV3Schema/properties/status/properties/risk/enum"))
        .extracting(JsonNode::asText)
        .containsExactly("Destructive", "Modify", "ReadOnly");
  }
}
