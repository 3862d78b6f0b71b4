package us.anth.plexus.api.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** A Markdown page as CommonMark parses it: its link targets and its heading anchors. */
record MarkdownPage(List<String> links, Set<String> anchors) {
  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(HeadingAnchorExtension.create());
  private static final Pattern HEADING_ID = Pattern.compile("<h[1-6] id=\"([^\"]*)\"");

  static MarkdownPage read(Path file) throws IOException {
    Node document = Parser.builder().extensions(EXTENSIONS).build().parse(Files.readString(file));
    List<String> links = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            links.add(link.getDestination());
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            links.add(image.getDestination());
          }
        });
    String html = HtmlRenderer.builder().extensions(EXTENSIONS).build().render(document);
    Matcher ids = HEADING_ID.matcher(html);
    Set<String> anchors = new java.util.HashSet<>();
    while (ids.find()) {
      anchors.add(ids.group(1));
    }
    return new MarkdownPage(links, anchors);
  }
}
