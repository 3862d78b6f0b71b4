package us.anth.plexus.cli;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.PlexusTask;

/** A task's Events, newest last, read with the field selectors kubectl describe uses. */
final class TaskEvents {
  /** How many of the newest Events {@code status} shows. */
  static final int SHOWN = 10;

  private TaskEvents() {}

  /** The task's Events, oldest first; empty when the caller may not read Events. */
  static List<Event> of(KubernetesClient client, PlexusTask task) {
    try {
      List<Event> events =
          new ArrayList<>(
              client
                  .v1()
                  .events()
                  .inNamespace(task.getMetadata().getNamespace())
                  .withField("involvedObject.name", task.getMetadata().getName())
                  .list()
                  .getItems());
      events.removeIf(e -> !"PlexusTask".equals(e.getInvolvedObject().getKind()));
      events.sort(Comparator.comparing(TaskEvents::last));
      return events;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return List.of();
      }
      throw e;
    }
  }

  /** When the Event last happened (lastTimestamp, else eventTime, else creation). */
  static Instant last(Event e) {
    return Optional.ofNullable(e.getLastTimestamp())
        .or(() -> Optional.ofNullable(e.getEventTime()).map(t -> t.getTime()))
        .or(() -> Optional.ofNullable(e.getMetadata().getCreationTimestamp()))
        .map(TaskEvents::instant)
        .orElse(Instant.EPOCH);
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /** The describe-style table: TYPE, REASON, AGE, MESSAGE of the newest {@code limit} Events. */
  static String table(List<Event> events, int limit, Instant now) {
    if (events.isEmpty()) {
      return "Events:     <none>\n";
    }
    List<List<String>> rows = new ArrayList<>();
    for (Event e : events.subList(Math.max(0, events.size() - limit), events.size())) {
      rows.add(
          List.of(
              "  " + nz(e.getType()),
              nz(e.getReason()),
              Age.of(last(e).toString(), now),
              nz(e.getMessage())));
    }
    return "Events:\n" + TextTable.render(List.of("  TYPE", "REASON", "AGE", "MESSAGE"), rows);
  }

  /** One line for an Event as it arrives: {@code Warning PoolNotFound: message}. */
  static String line(Event e) {
    return nz(e.getType()) + " " + nz(e.getReason()) + ": " + nz(e.getMessage());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
