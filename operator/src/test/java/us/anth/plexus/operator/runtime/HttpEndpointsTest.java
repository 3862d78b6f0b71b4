package us.anth.plexus.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.HttpProbe.get;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest {

  @Test
  void livenessIsAlwaysOkAndReadinessFollowsTheOperator() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    try (HttpEndpoints health = HttpEndpoints.health(0, ready::get)) {
      assertThat(get(health.port(), "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(health.port(), "/readyz").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(health.port(), "/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void metricsArePrometheusText() throws Exception {
    OperatorMetrics metrics = new OperatorMetrics();
    metrics.reconciled();
    metrics.jobCreated();
    try (HttpEndpoints endpoint = HttpEndpoints.metrics(0, metrics::scrape)) {
      HttpResponse<String> response = get(endpoint.port(), "/metrics");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(response.body())
          .contains("plexus_operator_reconciles_total 1.0")
          .contains("plexus_operator_job_creations_total 1.0")
          .contains("plexus_operator_tasks{phase=\"Running\"} 0.0");
    }
  }
}
