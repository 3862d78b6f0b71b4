package us.anth.plexus.devkit.api;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounded in-memory logs of the pods the local job executor runs, served by the dev API as {@code
 * GET pods/{name}/log}. Keeps the last {@code maxChars} characters of each pod, line by line, each
 * line with the (strictly increasing) time it was appended, as the kubelet does.
 */
public final class PodLogStore {
  private final int maxChars;
  private final Map<String, PodLog> logs = new ConcurrentHashMap<>();

  public PodLogStore(int maxChars) {
    this.maxChars = maxChars;
  }

  /** Starts an empty log for a pod (so reading it answers "" rather than 404). */
  public void open(String namespace, String pod) {
    logs.putIfAbsent(key(namespace, pod), new PodLog());
  }

  /** Appends text (usually one line with its newline) to a pod's log. */
  public void append(String namespace, String pod, String text) {
    logs.computeIfAbsent(key(namespace, pod), k -> new PodLog()).append(text, maxChars);
  }

  /** The pod's log so far, or empty if the executor never ran this pod. */
  public Optional<String> read(String namespace, String pod) {
    return read(namespace, pod, PodLogQuery.ALL);
  }

  /** The lines of the pod's log that {@code query} selects, or empty if there is no such log. */
  public Optional<String> read(String namespace, String pod, PodLogQuery query) {
    return Optional.ofNullable(logs.get(key(namespace, pod))).map(log -> log.read(query));
  }

  /** Forgets a pod's log (the pod was deleted). */
  public void remove(String namespace, String pod) {
    logs.remove(key(namespace, pod));
  }

  private static String key(String namespace, String pod) {
    return namespace + "/" + pod;
  }

  /**
   * Longest piece of one line kept as one entry: a longer line is kept in several entries (and
   * trimmed like any other), so memory never follows the length of a line.
   */
  static final int PIECE_LIMIT = 64 * 1024;

  private record Line(Instant at, String text) {}

  /** One pod's lines, oldest first, trimmed to the character budget. */
  private static final class PodLog {
    private final ArrayDeque<Line> lines = new ArrayDeque<>();
    private long chars;
    private Instant last = Instant.EPOCH;

    synchronized void append(String text, int maxChars) {
      for (String line : text.split("(?<=\n)")) {
        if (line.isEmpty()) {
          continue;
        }
        Line previous = lines.peekLast();
        if (previous != null
            && !previous.text().endsWith("\n")
            && previous.text().length() + line.length() <= PIECE_LIMIT) {
          // the rest of a line the executor read in several chunks
          lines.removeLast();
          lines.addLast(new Line(previous.at(), previous.text() + line));
        } else {
          Instant now = Instant.now();
          last = now.isAfter(last) ? now : last.plusNanos(1);
          lines.addLast(new Line(last, line));
        }
        chars += line.length();
      }
      while (chars > maxChars && !lines.isEmpty()) {
        chars -= lines.removeFirst().text().length();
      }
    }

    synchronized String read(PodLogQuery query) {
      List<Line> selected =
          lines.stream()
              .filter(l -> query.sinceTime().map(t -> !l.at().isBefore(t)).orElse(true))
              .toList();
      int from = Math.max(0, selected.size() - query.tailLines().orElse(selected.size()));
      StringBuilder out = new StringBuilder();
      for (Line l : selected.subList(from, selected.size())) {
        out.append(query.timestamps() ? l.at() + " " : "").append(l.text());
      }
      return out.toString();
    }
  }
}
