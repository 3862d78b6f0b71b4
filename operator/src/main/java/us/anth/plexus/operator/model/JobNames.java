package us.anth.plexus.operator.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import us.anth.plexus.api.LabelValues;
import us.anth.plexus.api.PlexusTask;

/**
 * The one Job name of a task: its name (shortened, DNS-safe) plus a hash of its uid, so that a
 * restarted operator or a retried reconcile finds the same Job, and a re-created task of the same
 * name never adopts the old task's Job.
 */
public final class JobNames {
  private static final int HASH_LENGTH = 8;
  private static final String ROLLBACK_SUFFIX = "-rb";

  private JobNames() {}

  /** The Job name for the task; at most 63 characters. */
  public static String forTask(PlexusTask task) {
    String name = task.getMetadata().getName();
    String uid = task.getMetadata().getUid();
    String hash = sha256Hex(task.getMetadata().getNamespace() + "/" + name + "/" + uid);
    String base = LabelValues.dnsLabel(name, LabelValues.MAX_LENGTH - HASH_LENGTH - 1);
    return (base.isEmpty() ? "task" : base) + "-" + hash.substring(0, HASH_LENGTH);
  }

  /**
   * The one rollback Job name of the task: the task's Job name with {@code -rb} (its base cut to
   * fit 63 characters). Deterministic, so the rollback runs once even across operator restarts.
   */
  public static String forRollback(PlexusTask task) {
    String job = forTask(task);
    int cut = Math.max(0, job.length() + ROLLBACK_SUFFIX.length() - LabelValues.MAX_LENGTH);
    String hash = job.substring(job.length() - HASH_LENGTH);
    String base = job.substring(0, job.length() - HASH_LENGTH - 1 - cut).replaceAll("-+$", "");
    return (base.isEmpty() ? "task" : base) + "-" + hash + ROLLBACK_SUFFIX;
  }

  private static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
