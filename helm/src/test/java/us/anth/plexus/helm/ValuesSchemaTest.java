package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValuesSchemaTest {
  @Test
  void rejectsAWrongType() {
    assertThatThrownBy(() -> Chart.render("values-bad-type.yaml"))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining("at '/replicaCount': got string, want integer");
  }

  @Test
  void rejectsAnUnknownTopLevelKey() {
    assertThatThrownBy(() -> Chart.render("values-unknown-key.yaml"))
        .hasMessageContaining("additional properties 'watchNamespace' not allowed");
  }

  @Test
  void rejectsAnUnknownNestedKey() {
    assertThatThrownBy(() -> Chart.template().set("dynamodb.tableName", "Task").call())
        .hasMessageContaining("at '/dynamodb': additional properties 'tableName' not allowed");
  }

  @Test
  void rejectsANegativePodStartGrace() {
    assertThatThrownBy(() -> Chart.template().set("runner.podStartGraceSeconds", -1).call())
        .hasMessageContaining("at '/runner/podStartGraceSeconds'");
  }

  @Test
  void rejectsADeleteMirrorTimeoutThatIsNotAWholeNumber() {
    assertThatThrownBy(
            () -> Chart.template().set("dynamodb.deleteMirrorTimeoutSeconds", "5m").call())
        .hasMessageContaining(
            "at '/dynamodb/deleteMirrorTimeoutSeconds': got string, want integer");
  }

  @Test
  void rejectsATargetPatternWithoutDomainAndSubdomain() {
    assertThatThrownBy(() -> Chart.render("values-bad-pool.yaml"))
        .hasMessageContaining("at '/pools/0/targets/0': 'gpu-required' does not match pattern");
  }

  @Test
  void bridgePollerWithoutStreamArnFailsWithTheMissingValue() {
    assertThatThrownBy(() -> Chart.template().set("bridge.poller.enabled", true).call())
        .hasMessageContaining("bridge.poller.streamArn is required");
  }
}
