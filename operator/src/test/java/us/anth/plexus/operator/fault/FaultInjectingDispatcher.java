package us.anth.plexus.operator.fault;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Sits in front of the in-process API and fails a share of one client's requests (picked by its
 * User-Agent): 409 Conflict on PlexusTask status patches, 500 on Job creates, half of those before
 * the Job is stored and half after (the client then cannot know whether its create happened). It
 * counts what it injected and every Job create the API really performed.
 */
final class FaultInjectingDispatcher extends Dispatcher {
  private static final Pattern JOB_CREATE = Pattern.compile("/apis/batch/v1/namespaces/[^/]+/jobs");
  private static final Pattern TASK_STATUS =
      Pattern.compile(
          "/apis/plexus\\.anth\\.us/v1alpha1/namespaces/[^/]+/plexustasks/[^/]+/status.*");

  private final Dispatcher api;
  private final String userAgent;
  private final double share;
  private final Random random = new Random(13);
  final AtomicInteger conflicts = new AtomicInteger();
  final AtomicInteger failedBeforeCreate = new AtomicInteger();
  final AtomicInteger failedAfterCreate = new AtomicInteger();

  /** Job name → how many times the API stored it (201 Created). */
  final Map<String, AtomicInteger> jobsStored = new ConcurrentHashMap<>();

  FaultInjectingDispatcher(Dispatcher api, String userAgent, double share) {
    this.api = api;
    this.userAgent = userAgent;
    this.share = share;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath().split("\\?")[0];
    boolean target = userAgent.equals(request.getHeader("User-Agent"));
    if (target && "PATCH".equals(request.getMethod()) && TASK_STATUS.matcher(path).matches()) {
      if (roll()) {
        conflicts.incrementAndGet();
        return status(409, "Conflict", "injected conflict");
      }
    }
    boolean jobCreate = "POST".equals(request.getMethod()) && JOB_CREATE.matcher(path).matches();
    if (target && jobCreate && roll()) {
      if (coin()) {
        failedBeforeCreate.incrementAndGet();
        return status(500, "InternalError", "injected failure before the create");
      }
      String body = new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
      stored(body, api.dispatch(request));
      failedAfterCreate.incrementAndGet();
      return status(500, "InternalError", "injected failure after the create");
    }
    String body =
        jobCreate ? new String(request.getBody().getBytes(), StandardCharsets.UTF_8) : null;
    MockResponse response = api.dispatch(request);
    return jobCreate ? stored(body, response) : response;
  }

  private MockResponse stored(String body, MockResponse response) {
    if (response.code() / 100 == 2) {
      String name = Serialization.unmarshal(body, Job.class).getMetadata().getName();
      jobsStored.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    }
    return response;
  }

  private synchronized boolean roll() {
    return random.nextDouble() < share;
  }

  private synchronized boolean coin() {
    return random.nextBoolean();
  }

  private static MockResponse status(int code, String reason, String message) {
    return new MockResponse()
        .setResponseCode(code)
        .setBody(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\""
                + reason
                + "\",\"message\":\""
                + message
                + "\",\"code\":"
                + code
                + "}");
  }

  @Override
  public void shutdown() {
    api.shutdown();
  }
}
