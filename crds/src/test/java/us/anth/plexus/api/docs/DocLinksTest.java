package us.anth.plexus.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when a relative link or an anchor in README.md or docs/ points at nothing: a missing file,
 * or a heading that does not exist (anchors as GitHub renders them).
 */
class DocLinksTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<Path> pages = pages();
    assertThat(pages).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/README.md"));
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      for (String link : MarkdownPage.read(page).links()) {
        String problem = problem(page, link);
        if (problem != null) {
          broken.add(ROOT.relativize(page) + ": " + link + " (" + problem + ")");
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void everyDocsPageIsReachableFromTheMap() throws IOException {
    List<Path> unlinked = new ArrayList<>();
    List<Path> linked = new ArrayList<>();
    for (Path page : pages()) {
      for (String link : MarkdownPage.read(page).links()) {
        if (!isExternal(link) && !link.startsWith("#")) {
          linked.add(page.getParent().resolve(withoutAnchor(link)).normalize());
        }
      }
    }
    for (Path page : pages()) {
      if (!page.equals(ROOT.resolve("README.md")) && !linked.contains(page)) {
        unlinked.add(ROOT.relativize(page));
      }
    }
    assertThat(unlinked).as("docs pages no page links to").isEmpty();
  }

  private static String problem(Path page, String link) throws IOException {
    if (isExternal(link)) {
      return null;
    }
    String file = withoutAnchor(link);
    Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
    if (!Files.exists(target)) {
      return "no such file";
    }
    int hash = link.indexOf('#');
    if (hash < 0) {
      return null;
    }
    if (!target.toString().endsWith(".md")) {
      return "anchor into a file that is not Markdown";
    }
    String anchor = link.substring(hash + 1);
    return MarkdownPage.read(target).anchors().contains(anchor) ? null : "no such heading";
  }

  private static boolean isExternal(String link) {
    return link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  }

  private static String withoutAnchor(String link) {
    int hash = link.indexOf('#');
    return hash < 0 ? link : link.substring(0, hash);
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }
}
