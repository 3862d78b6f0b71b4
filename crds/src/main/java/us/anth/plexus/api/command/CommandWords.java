package us.anth.plexus.api.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string into argv words with POSIX shell quoting rules and nothing else: single
 * quotes, double quotes (where only {@code \\ \" \$ \`} and backslash-newline are escapes),
 * backslash escapes outside quotes, adjacent quoted parts joining into one word. There is no
 * globbing, no variable or command expansion, no comments and no operators: {@code ;}, {@code |},
 * {@code &&}, {@code $(...)} and backticks are ordinary characters of words. Unquoted spaces, tabs
 * and newlines separate words.
 */
public final class CommandWords {
  private final String text;
  private final List<String> words = new ArrayList<>();
  private final StringBuilder word = new StringBuilder();
  private boolean inWord;
  private int pos;

  private CommandWords(String text) {
    this.text = text;
  }

  /**
   * The words of {@code command}; an empty list for a blank command.
   *
   * @throws CommandSyntaxException on an unterminated quote or a trailing backslash
   */
  public static List<String> split(String command) {
    CommandWords splitter = new CommandWords(command == null ? "" : command);
    splitter.run();
    return List.copyOf(splitter.words);
  }

  private void run() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        endWord();
        pos++;
      } else if (c == '\'') {
        singleQuoted();
      } else if (c == '"') {
        doubleQuoted();
      } else if (c == '\\') {
        escaped();
      } else {
        append(c);
        pos++;
      }
    }
    endWord();
  }

  private void singleQuoted() {
    int start = pos;
    int end = text.indexOf('\'', pos + 1);
    if (end < 0) {
      throw new CommandSyntaxException("unterminated single quote", start);
    }
    inWord = true;
    word.append(text, pos + 1, end);
    pos = end + 1;
  }

  private void doubleQuoted() {
    int start = pos;
    inWord = true;
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '\\' && pos + 1 < text.length() && "\\\"$`\n".indexOf(text.charAt(pos + 1)) >= 0) {
        if (text.charAt(pos + 1) != '\n') {
          word.append(text.charAt(pos + 1));
        }
        pos += 2;
      } else {
        word.append(c);
        pos++;
      }
    }
    throw new CommandSyntaxException("unterminated double quote", start);
  }

  private void escaped() {
    if (pos + 1 >= text.length()) {
      throw new CommandSyntaxException("trailing backslash", pos);
    }
    char next = text.charAt(pos + 1);
    if (next != '\n') {
      append(next);
    }
    pos += 2;
  }

  private void append(char c) {
    inWord = true;
    word.append(c);
  }

  private void endWord() {
    if (inWord) {
      words.add(word.toString());
      word.setLength(0);
      inWord = false;
    }
  }
}
