package us.anth.plexus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every status field has exactly one owner, and the docs say the same as the data. */
class StatusOwnershipTest {
  private static List<String> statusFields() {
    ObjectMapper mapper = new ObjectMapper();
    BeanDescription bean =
        mapper
            .getSerializationConfig()
            .introspect(mapper.getTypeFactory().constructType(PlexusTaskStatus.class));
    return bean.findProperties().stream().map(BeanPropertyDefinition::getName).toList();
  }

  @Test
  void everyStatusFieldHasExactlyOneOwner() {
    assertThat(statusFields()).isNotEmpty();
    assertThat(StatusOwnership.OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(statusFields());
  }

  @Test
  void onlyTheSharedFieldsAreWrittenByBoth() {
    List<String> both =
        StatusOwnership.fieldsWrittenBy(StatusWriter.OPERATOR).stream()
            .filter(StatusOwnership.fieldsWrittenBy(StatusWriter.RUNNER)::contains)
            .toList();
    assertThat(both).containsExactly("errorMessage");
    assertThat(StatusOwnership.fieldsWrittenBy(StatusWriter.OPERATOR))
        .contains("phase", "conditions")
        .doesNotContain("stages", "output");
  }

  @Test
  void theOwnershipPageListsTheSameFields() throws IOException {
    String page = Files.readString(Path.of("../docs/concepts/status-ownership.md"));
    Map<StatusWriter, String> rows =
        StatusOwnership.OWNERS.entrySet().stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getValue,
                    Collectors.mapping(e -> "`" + e.getKey() + "`", Collectors.joining(", "))));
    assertThat(page)
        .contains("| operator | " + rows.get(StatusWriter.OPERATOR) + " |")
        .contains("| runner | " + rows.get(StatusWriter.RUNNER) + " |")
        .contains("| shared | " + rows.get(StatusWriter.SHARED) + ":");
  }
}
