package us.anth.plexus.api.target;

import java.util.List;

/** A concrete task target, {@code domain/subdomain}, e.g. {@code training/gpu-required}. */
public record Target(String domain, String subdomain) {

  /** Parses a task target; throws {@link InvalidTargetException} naming the problem. */
  public static Target parse(String text) {
    TargetSyntax syntax = TargetSyntax.of("target", text);
    if (text != null && (text.contains("*") || text.contains("["))) {
      syntax.sides();
      throw syntax.fail("is a pattern; a task target names one domain and one subdomain");
    }
    List<String> sides = syntax.sides();
    return new Target(syntax.name(sides.get(0), "domain"), syntax.name(sides.get(1), "subdomain"));
  }

  @Override
  public String toString() {
    return domain + "/" + subdomain;
  }
}
