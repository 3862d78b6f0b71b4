package us.anth.plexus.bridge;

import java.util.Map;

/**
 * Settings both front ends share: PLEXUS_BRIDGE_NAMESPACE_MAP ("acct1=ns1,acct2=ns2"),
 * PLEXUS_BRIDGE_DEFAULT_NAMESPACE (plexus) and PLEXUS_BRIDGE_MAX_ATTEMPTS (4: the first delivery
 * plus the event source mapping's 3 retries), after which a record whose PlexusTask cannot be
 * created is marked ERROR. PLEXUS_LOG_FORMAT (text or json) is read by logback.xml; it is checked
 * here so that a typo stops either front end at start.
 */
public record BridgeConfig(NamespaceMapping namespaces, int maxAttempts) {
  public static final String NAMESPACE_MAP = "PLEXUS_BRIDGE_NAMESPACE_MAP";
  public static final String DEFAULT_NAMESPACE = "PLEXUS_BRIDGE_DEFAULT_NAMESPACE";
  public static final String MAX_ATTEMPTS = "PLEXUS_BRIDGE_MAX_ATTEMPTS";
  public static final String LOG_FORMAT = "PLEXUS_LOG_FORMAT";
  public static final int DEFAULT_MAX_ATTEMPTS = 4;

  public BridgeConfig {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(MAX_ATTEMPTS + " must be at least 1, not " + maxAttempts);
    }
  }

  /** Reads the variables above; missing ones take their defaults. */
  public static BridgeConfig fromEnv(Map<String, String> env) {
    checkLogFormat(env.get(LOG_FORMAT));
    String attempts = env.getOrDefault(MAX_ATTEMPTS, "").trim();
    try {
      return new BridgeConfig(
          NamespaceMapping.parse(env.get(NAMESPACE_MAP), env.get(DEFAULT_NAMESPACE)),
          attempts.isEmpty() ? DEFAULT_MAX_ATTEMPTS : Integer.parseInt(attempts));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(MAX_ATTEMPTS + " is not a number: '" + attempts + "'");
    }
  }

  /** Blank, text or json exactly (logback.xml compares exactly). */
  static void checkLogFormat(String value) {
    if (value != null && !value.isBlank() && !value.equals("text") && !value.equals("json")) {
      throw new IllegalArgumentException(LOG_FORMAT + " must be text or json, got '" + value + "'");
    }
  }
}
