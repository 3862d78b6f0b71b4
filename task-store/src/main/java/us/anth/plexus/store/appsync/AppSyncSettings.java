package us.anth.plexus.store.appsync;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import us.anth.plexus.api.settings.AppSyncVariables;

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
  public static final String URL = AppSyncVariables.URL.name();
  public static final String AUTH = AppSyncVariables.AUTH.name();
  public static final String API_KEY = AppSyncVariables.API_KEY.name();
  public static final String REGION = AppSyncVariables.REGION.name();

  /**
   * The name of a Secret (in each task's namespace) whose {@link #SECRET_KEY} entry the runner's
   * Job receives as {@link #API_KEY}; the operator never copies the key itself into a Job.
   */
  public static final String API_KEY_SECRET = AppSyncVariables.API_KEY_SECRET.name();

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
    String url = AppSyncVariables.URL.read(env);
    if (url.isEmpty()) {
      throw new IllegalArgumentException(
          URL + " is required when " + TaskSink.ENV + " sends writes to AppSync");
    }
    URI uri = URI.create(url);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw new IllegalArgumentException(URL + " must be an http(s) URL, not '" + url + "'");
    }
    Auth auth = AppSyncVariables.AUTH.read(env).equals("iam") ? Auth.IAM : Auth.API_KEY;
    String key = AppSyncVariables.API_KEY.read(env);
    if (auth == Auth.API_KEY && key.isEmpty()) {
      throw new IllegalArgumentException(
          API_KEY + " is required for " + URL + " (or set " + AUTH + "=iam)");
    }
    String region = AppSyncVariables.REGION.read(env);
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
