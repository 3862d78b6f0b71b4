package us.anth.plexus.store.appsync;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach the dashboard's Amplify GraphQL API: its URL and either an API key or IAM (SigV4
 * with the default AWS credentials of the process, for {@code region}).
 *
 * @param url the GraphQL endpoint, e.g. {@code
 *     https://<id>.appsync-api.<region>.amazonaws.com/graphql}
 * @param auth API_KEY or IAM
 * @param apiKey the key when {@code auth == API_KEY}
 * @param region the API's region, for SigV4
 */
public record AppSyncSettings(URI url, Auth auth, String apiKey, String region) {
  public static final String URL = "PLEXUS_APPSYNC_URL";
  public static final String AUTH = "PLEXUS_APPSYNC_AUTH";
  public static final String API_KEY = "PLEXUS_APPSYNC_API_KEY";
  public static final String REGION = "PLEXUS_APPSYNC_REGION";

  /**
   * The name of a Secret (in each task's namespace) whose {@link #SECRET_KEY} entry the runner's
   * Job receives as {@link #API_KEY}; the operator never copies the key itself into a Job.
   */
  public static final String API_KEY_SECRET = "PLEXUS_APPSYNC_API_KEY_SECRET";

  /** The entry of that Secret holding the key. */
  public static final String SECRET_KEY = "apiKey";

  /** How requests are authenticated. */
  public enum Auth {
    API_KEY,
    IAM
  }

  /**
   * Reads the {@code PLEXUS_APPSYNC_*} variables; throws {@link IllegalArgumentException} with one
   * line when the URL is missing or not http(s), or {@code auth} is API_KEY without a key.
   */
  public static AppSyncSettings fromEnv(Map<String, String> env) {
    String url = env.getOrDefault(URL, "").trim();
    if (url.isEmpty()) {
      throw new IllegalArgumentException(
          URL + " is required when " + TaskSink.ENV + " sends writes to AppSync");
    }
    URI uri = URI.create(url);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw new IllegalArgumentException(URL + " must be an http(s) URL, not '" + url + "'");
    }
    String authText = env.getOrDefault(AUTH, "apiKey").trim().toLowerCase(Locale.ROOT);
    Auth auth =
        switch (authText) {
          case "apikey", "api_key", "" -> Auth.API_KEY;
          case "iam" -> Auth.IAM;
          default ->
              throw new IllegalArgumentException(
                  AUTH + " must be apiKey or iam, not '" + authText + "'");
        };
    String key = env.getOrDefault(API_KEY, "").trim();
    if (auth == Auth.API_KEY && key.isEmpty()) {
      throw new IllegalArgumentException(
          API_KEY + " is required for " + URL + " (or set " + AUTH + "=iam)");
    }
    String region = env.getOrDefault(REGION, "").trim();
    return new AppSyncSettings(uri, auth, key, region.isEmpty() ? regionOf(uri) : region);
  }

  /** The settings as environment variables, the key excluded (it travels through a Secret). */
  public Map<String, String> toEnvWithoutKey() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(URL, url.toString());
    env.put(AUTH, auth == Auth.IAM ? "iam" : "apiKey");
    env.put(REGION, region);
    return env;
  }

  /** The region in an AppSync host name ({@code <id>.appsync-api.<region>.amazonaws.com}). */
  private static String regionOf(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost();
    String[] parts = host.split("\\.");
    for (int i = 0; i + 1 < parts.length; i++) {
      if (parts[i].equals("appsync-api")) {
        return parts[i + 1];
      }
    }
    return "us-east-1";
  }

  @Override
  public String toString() {
    return "AppSyncSettings[url=" + url + ", auth=" + auth + ", region=" + region + "]";
  }
}
