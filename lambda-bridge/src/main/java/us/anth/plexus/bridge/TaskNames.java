package us.anth.plexus.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The PlexusTask name for a Task id: {@code task-<id>} when the id is already DNS-1123 safe (the
 * dashboard's UUIDs are), otherwise a sanitized, shortened form with a hash of the exact id, so
 * distinct ids never share a name and a redelivered record always finds the same task.
 */
public final class TaskNames {
  /** Longest name that is also a valid label value (Job names derive from it). */
  public static final int MAX_LENGTH = 63;

  private static final String PREFIX = "task-";
  private static final int HASH_LENGTH = 10;

  private TaskNames() {}

  /** The deterministic PlexusTask name for {@code taskId}. */
  public static String forTaskId(String taskId) {
    String plain = PREFIX + taskId;
    if (plain.length() <= MAX_LENGTH && plain.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
      return plain;
    }
    String cleaned =
        taskId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    int room = MAX_LENGTH - PREFIX.length() - HASH_LENGTH - 1;
    if (cleaned.length() > room) {
      cleaned = cleaned.substring(0, room).replaceAll("-+$", "");
    }
    String hash = hash(taskId);
    return cleaned.isEmpty() ? PREFIX + hash : PREFIX + cleaned + "-" + hash;
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
