package us.anth.plexus.api.command;

/** A command string that cannot be split into words, e.g. because a quote is never closed. */
public class CommandSyntaxException extends IllegalArgumentException {
  private final int position;

  public CommandSyntaxException(String problem, int position) {
    super(problem + " at position " + position);
    this.position = position;
  }

  /** Index (0-based) of the character where the problem starts. */
  public int position() {
    return position;
  }
}
