package us.anth.plexus.api.target;

import java.util.List;

/** A pool's target pattern: each side a name, {@code *} or a set {@code [a,b]}. */
public record TargetPattern(Segment domain, Segment subdomain) {

  /** Parses a pattern; throws {@link InvalidTargetException} naming the problem. */
  public static TargetPattern parse(String text) {
    TargetSyntax syntax = TargetSyntax.of("target pattern", text);
    List<String> sides = syntax.sides();
    return new TargetPattern(
        syntax.segment(sides.get(0), "domain"), syntax.segment(sides.get(1), "subdomain"));
  }

  /** Whether the pattern accepts the target. */
  public boolean matches(Target target) {
    return domain.matches(target.domain()) && subdomain.matches(target.subdomain());
  }

  /**
   * Specificity for routing: higher wins. Each side scores name 2, set 1, wildcard 0; the sum
   * decides, and on equal sums the more specific domain wins.
   */
  public int specificity() {
    return (domain.specificity() + subdomain.specificity()) * 3 + domain.specificity();
  }

  @Override
  public String toString() {
    return domain + "/" + subdomain;
  }
}
