package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads why the Job controller could not create a Job's pod (its newest FailedCreate Event, e.g. a
 * missing service account or an exhausted quota). The API server filters the Events by field
 * selector (the filter is repeated here for servers that ignore it). Needs {@code list} on events;
 * without it, or when there is no such Event, nothing is found.
 */
final class JobCreateFailures {
  private static final Logger LOG = LoggerFactory.getLogger(JobCreateFailures.class);

  private final KubernetesClient client;

  JobCreateFailures(KubernetesClient client) {
    this.client = client;
  }

  /** The message of the Job's newest FailedCreate Event. */
  Optional<String> latest(String namespace, String jobName) {
    try {
      return client
          .v1()
          .events()
          .inNamespace(namespace)
          .withField("involvedObject.kind", "Job")
          .withField("involvedObject.name", jobName)
          .withField("reason", "FailedCreate")
          .list()
          .getItems()
          .stream()
          .filter(e -> isFailedCreateOf(e, jobName))
          .max(Comparator.comparing(JobCreateFailures::time))
          .map(Event::getMessage);
    } catch (KubernetesClientException e) {
      LOG.debug("Could not read the events of Job {}/{}: {}", namespace, jobName, e.getMessage());
      return Optional.empty();
    }
  }

  private static boolean isFailedCreateOf(Event event, String jobName) {
    var object = event.getInvolvedObject();
    return "FailedCreate".equals(event.getReason())
        && object != null
        && "Job".equals(object.getKind())
        && jobName.equals(object.getName())
        && event.getMessage() != null;
  }

  private static String time(Event event) {
    String last = event.getLastTimestamp();
    if (last != null) {
      return last;
    }
    return event.getEventTime() == null ? "" : String.valueOf(event.getEventTime().getTime());
  }
}
