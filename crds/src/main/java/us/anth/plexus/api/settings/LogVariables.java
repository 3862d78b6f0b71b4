package us.anth.plexus.api.settings;

import java.util.List;

/** The log settings of the operator and the bridge (read by their logback.xml too). */
public final class LogVariables {
  /** Log format; logback.xml compares the value exactly. */
  public static final Setting<String> FORMAT =
      Setting.choice(
          "PLEXUS_LOG_FORMAT",
          "`text`: one human line per event; `json`: one JSON object per line (logback's"
              + " `JsonEncoder`); both on stdout",
          "text",
          "json");

  private LogVariables() {}

  /** Every log setting, in docs order. */
  public static List<Setting<?>> all() {
    return List.of(FORMAT);
  }
}
