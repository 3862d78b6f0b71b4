package us.anth.plexus.bridge;

import java.util.Map;
import us.anth.plexus.api.settings.BridgeVariables;
import us.anth.plexus.api.settings.LogVariables;

/**
 * Settings both front ends share: PLEXUS_BRIDGE_NAMESPACE_MAP ("acct1=ns1,acct2=ns2"),
 * PLEXUS_BRIDGE_DEFAULT_NAMESPACE (plexus) and PLEXUS_BRIDGE_MAX_ATTEMPTS (4: the first delivery
 * plus the event source mapping's 3 retries), after which a record whose PlexusTask cannot be
 * created is marked ERROR. PLEXUS_LOG_FORMAT (text or json) is read by logback.xml; it is checked
 * here so that a typo stops either front end at start.
 */
public record BridgeConfig(NamespaceMapping namespaces, int maxAttempts) {
  public static final String NAMESPACE_MAP = BridgeVariables.NAMESPACE_MAP.name();
  public static final String DEFAULT_NAMESPACE = BridgeVariables.DEFAULT_NAMESPACE.name();
  public static final String MAX_ATTEMPTS = BridgeVariables.MAX_ATTEMPTS.name();
  public static final String LOG_FORMAT = LogVariables.FORMAT.name();
  public static final int DEFAULT_MAX_ATTEMPTS = 4;

  public BridgeConfig {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(MAX_ATTEMPTS + " must be at least 1, not " + maxAttempts);
    }
  }

  /**
   * Reads the variables above ({@link BridgeVariables}) and checks the log format; missing ones
   * take their defaults, a bad value throws IllegalArgumentException naming the variable.
   */
  public static BridgeConfig fromEnv(Map<String, String> env) {
    LogVariables.FORMAT.read(env);
    return new BridgeConfig(
        NamespaceMapping.parse(
            BridgeVariables.NAMESPACE_MAP.read(env), BridgeVariables.DEFAULT_NAMESPACE.read(env)),
        Math.toIntExact(BridgeVariables.MAX_ATTEMPTS.read(env)));
  }
}
