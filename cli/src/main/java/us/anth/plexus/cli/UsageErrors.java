package us.anth.plexus.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad usage (an unknown option, a missing parameter) as kubectl and argo report it: one line on
 * stderr naming the problem and the command's {@code --help}, exit 2; never the whole usage text.
 */
final class UsageErrors implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + line(e));
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** The one line for {@code e}: its message, picocli's closest suggestion, and where help is. */
  static String line(ParameterException e) {
    String message = e.getMessage() == null ? "invalid usage" : e.getMessage();
    String first = message.lines().findFirst().orElse(message).strip();
    StringBuilder line = new StringBuilder(first.replaceFirst("\\.$", ""));
    if (e instanceof UnmatchedArgumentException unmatched) {
      // picocli's most similar candidate first; kubectl too names only the closest.
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append("; did you mean '").append(suggestions.get(0)).append("'?");
      }
    }
    String name = e.getCommandLine().getCommandSpec().qualifiedName();
    return line.append(" (see '").append(name).append(" --help')").toString();
  }
}
