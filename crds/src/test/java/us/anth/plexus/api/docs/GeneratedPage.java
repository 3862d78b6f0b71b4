package us.anth.plexus.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A docs page generated from code: the committed copy must equal the generated text. With {@code
 * -Dplexus.docs.write=true} the test writes the page instead of failing.
 */
public final class GeneratedPage {
  private GeneratedPage() {}

  /** Fails (or, asked to, rewrites {@code page}) when {@code page} differs from {@code text}. */
  public static void check(Path page, String text, String regenerate) throws IOException {
    if (Boolean.getBoolean("plexus.docs.write")) {
      Files.writeString(page, text);
    }
    String committed = Files.exists(page) ? Files.readString(page) : "";
    assertThat(committed)
        .as("%s is stale; regenerate it with%n  %s", page.normalize(), regenerate)
        .isEqualTo(text);
  }
}
