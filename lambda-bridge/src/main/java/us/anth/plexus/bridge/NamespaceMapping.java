package us.anth.plexus.bridge;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which namespace a Task's PlexusTask goes to: by accountId, else the default. */
public record NamespaceMapping(Map<String, String> byAccount, String defaultNamespace) {
  /** The default namespace when none is configured. */
  public static final String DEFAULT_NAMESPACE = "plexus";

  public NamespaceMapping {
    byAccount = Map.copyOf(byAccount);
    if (defaultNamespace == null || defaultNamespace.isBlank()) {
      defaultNamespace = DEFAULT_NAMESPACE;
    }
  }

  /**
   * Parses {@code "acct1=ns1,acct2=ns2"} (blank entries ignored); a malformed entry is an error
   * naming it.
   */
  public static NamespaceMapping parse(String map, String defaultNamespace) {
    Map<String, String> byAccount = new LinkedHashMap<>();
    if (map != null) {
      for (String entry : map.split(",")) {
        if (entry.isBlank()) {
          continue;
        }
        String[] parts = entry.split("=", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
          throw new IllegalArgumentException(
              "PLEXUS_BRIDGE_NAMESPACE_MAP entry '"
                  + entry.trim()
                  + "' is not 'accountId=namespace'");
        }
        byAccount.put(parts[0].trim(), parts[1].trim());
      }
    }
    return new NamespaceMapping(
        byAccount, defaultNamespace == null ? null : defaultNamespace.trim());
  }

  /** The namespace for an account. */
  public String namespaceFor(String accountId) {
    return accountId == null
        ? defaultNamespace
        : byAccount.getOrDefault(accountId, defaultNamespace);
  }
}
