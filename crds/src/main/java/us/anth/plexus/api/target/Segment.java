package us.anth.plexus.api.target;

import java.util.Set;

/** One segment of a target pattern: a literal name, a set of names, {@code *} or {@code **}. */
public sealed interface Segment {
  /** Whether this segment accepts the given name. */
  boolean matches(String name);

  /** How specific the segment is: a name (2) beats a set (1) beats {@code *} and {@code **} (0). */
  int specificity();

  /** A single literal name. */
  record Name(String value) implements Segment {
    @Override
    public boolean matches(String name) {
      return value.equals(name);
    }

    @Override
    public int specificity() {
      return 2;
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /** A set of names, written {@code [a,b]}. */
  record OneOf(Set<String> values) implements Segment {
    @Override
    public boolean matches(String name) {
      return values.contains(name);
    }

    @Override
    public int specificity() {
      return 1;
    }

    @Override
    public String toString() {
      return "[" + String.join(",", values) + "]";
    }
  }

  /** The wildcard {@code *}. */
  record Any() implements Segment {
    @Override
    public boolean matches(String name) {
      return true;
    }

    @Override
    public int specificity() {
      return 0;
    }

    @Override
    public String toString() {
      return "*";
    }
  }

  /** {@code **}, last in a pattern: any number of further segments, none included. */
  record Rest() implements Segment {
    @Override
    public boolean matches(String name) {
      return true;
    }

    @Override
    public int specificity() {
      return 0;
    }

    @Override
    public String toString() {
      return "**";
    }
  }
}
