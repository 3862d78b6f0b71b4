package us.anth.plexus.bridge.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import us.anth.plexus.devkit.EmbeddedKubeApi;

class ConfigMapCheckpointsIT {
  private static final String STREAM = "arn:aws:dynamodb:us-east-1:1:table/Task/stream/one";
  private static EmbeddedKubeApi kube;

  @BeforeAll
  static void startKube() {
    kube = EmbeddedKubeApi.start();
  }

  @AfterAll
  static void stopKube() {
    kube.close();
  }

  @Test
  void positionsSurviveAReloadAndForgottenShardsArePruned() {
    String ns = "ckpt-" + System.nanoTime();
    var first = ConfigMapCheckpoints.load(kube.client(), ns, "bridge", STREAM);
    first.recordHandled("shardId-1", "100");
    first.recordHandled("shardId-1", "200");
    first.recordFinished("shardId-0");
    first.recordHandled("shardId-2", "300");

    var reloaded = ConfigMapCheckpoints.load(kube.client(), ns, "bridge", STREAM);
    assertThat(reloaded.lastSequenceNumber("shardId-1")).isEqualTo("200");
    assertThat(reloaded.isFinished("shardId-0")).isTrue();
    assertThat(reloaded.lastSequenceNumber("shardId-0")).isNull();
    assertThat(reloaded.lastSequenceNumber("shardId-9")).isNull();

    reloaded.retainOnly(List.of("shardId-1"));
    var pruned = ConfigMapCheckpoints.load(kube.client(), ns, "bridge", STREAM);
    assertThat(kube.client().configMaps().inNamespace(ns).withName("bridge").get().getData())
        .containsOnlyKeys("shardId-1");
    assertThat(pruned.lastSequenceNumber("shardId-1")).isEqualTo("200");
  }

  @Test
  void checkpointsOfAnotherStreamAreDiscarded() {
    String ns = "ckpt-" + System.nanoTime();
    ConfigMapCheckpoints.load(kube.client(), ns, "bridge", STREAM).recordHandled("shardId-1", "5");

    var other = ConfigMapCheckpoints.load(kube.client(), ns, "bridge", STREAM + "-new");
    assertThat(other.lastSequenceNumber("shardId-1")).isNull();
  }

  @Test
  void aSecondWriterOnTheSameConfigMapFailsLoudly() {
    String ns = "ckpt-" + System.nanoTime();
    var one = ConfigMapCheckpoints.load(kube.client(), ns, "bridge", STREAM);
    var two = ConfigMapCheckpoints.load(kube.client(), ns, "bridge", STREAM);
    one.recordHandled("shardId-1", "1");

    assertThatThrownBy(() -> two.recordHandled("shardId-1", "2"))
        .hasMessageContaining("is a second poller running on this stream?");
  }
}
