package us.anth.plexus.api;

/** Label and annotation keys that link Jobs and pods back to their PlexusTask. */
public final class PlexusLabels {
  public static final String PREFIX = "plexus.anth.us/";
  public static final String TASK_NAME = PREFIX + "task-name";
  public static final String TASK_ID = PREFIX + "task-id";
  public static final String ACCOUNT_ID = PREFIX + "account-id";
  public static final String POOL = PREFIX + "pool";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "plexus-operator";

  private PlexusLabels() {}
}
