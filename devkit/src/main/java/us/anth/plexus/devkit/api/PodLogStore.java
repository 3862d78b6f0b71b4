package us.anth.plexus.devkit.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounded in-memory logs of the pods the local job executor runs, served by the dev API as {@code
 * GET pods/{name}/log}. Keeps the last {@code maxChars} characters of each pod.
 */
public final class PodLogStore {
  private final int maxChars;
  private final Map<String, StringBuilder> logs = new ConcurrentHashMap<>();

  public PodLogStore(int maxChars) {
    this.maxChars = maxChars;
  }

  /** Starts an empty log for a pod (so reading it answers "" rather than 404). */
  public void open(String namespace, String pod) {
    logs.putIfAbsent(key(namespace, pod), new StringBuilder());
  }

  /** Appends text (usually one line with its newline) to a pod's log. */
  public void append(String namespace, String pod, String text) {
    StringBuilder log = logs.computeIfAbsent(key(namespace, pod), k -> new StringBuilder());
    synchronized (log) {
      log.append(text);
      if (log.length() > maxChars) {
        log.delete(0, log.length() - maxChars);
      }
    }
  }

  /** The pod's log so far, or empty if the executor never ran this pod. */
  public Optional<String> read(String namespace, String pod) {
    StringBuilder log = logs.get(key(namespace, pod));
    if (log == null) {
      return Optional.empty();
    }
    synchronized (log) {
      return Optional.of(log.toString());
    }
  }

  /** Forgets a pod's log (the pod was deleted). */
  public void remove(String namespace, String pod) {
    logs.remove(key(namespace, pod));
  }

  private static String key(String namespace, String pod) {
    return namespace + "/" + pod;
  }
}
