package us.anth.plexus.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small VT100/xterm screen model for tests: replays the bytes a program wrote to a terminal and
 * keeps what a user would see (the screen and the lines scrolled off above it). Handles printable
 * text with auto-wrap, CR, LF, BS and the CSI cursor, erase, insert and delete sequences JLine's
 * Display emits; other escape sequences are consumed without effect.
 */
final class VirtualScreen {
  private final int rows;
  private final int cols;
  private final char[][] grid;
  private final List<String> scrollback = new ArrayList<>();
  private int row;
  private int col;
  private boolean pendingWrap;

  VirtualScreen(int rows, int cols) {
    this.rows = rows;
    this.cols = cols;
    this.grid = new char[rows][cols];
    for (char[] line : grid) {
      Arrays.fill(line, ' ');
    }
  }

  /** Replays {@code output}, as the terminal received it. */
  VirtualScreen replay(String output) {
    int i = 0;
    while (i < output.length()) {
      char c = output.charAt(i);
      if (c == '\u001b') {
        i = escape(output, i + 1);
        continue;
      }
      switch (c) {
        case '\r' -> {
          col = 0;
          pendingWrap = false;
        }
        case '\n' -> lineFeed();
        case '\b' -> {
          col = Math.max(0, col - 1);
          pendingWrap = false;
        }
        case '\u0007', '\u000f', '\u000e' -> {}
        default -> put(c);
      }
      i++;
    }
    return this;
  }

  /** The screen's rows, trailing blanks removed. */
  List<String> screen() {
    List<String> lines = new ArrayList<>();
    for (char[] line : grid) {
      lines.add(new String(line).stripTrailing());
    }
    return lines;
  }

  /** Everything a user can scroll through: the lines scrolled off, then the screen. */
  List<String> transcript() {
    List<String> all = new ArrayList<>(scrollback);
    all.addAll(screen());
    while (!all.isEmpty() && all.get(all.size() - 1).isEmpty()) {
      all.remove(all.size() - 1);
    }
    return all;
  }

  int cursorRow() {
    return row;
  }

  private void put(char c) {
    if (pendingWrap) {
      col = 0;
      lineFeed();
    }
    grid[row][col] = c;
    if (col == cols - 1) {
      pendingWrap = true;
    } else {
      col++;
    }
  }

  private void lineFeed() {
    pendingWrap = false;
    if (row == rows - 1) {
      scrollback.add(new String(grid[0]).stripTrailing());
      System.arraycopy(grid, 1, grid, 0, rows - 1);
      grid[rows - 1] = blank();
    } else {
      row++;
    }
  }

  private char[] blank() {
    char[] line = new char[cols];
    Arrays.fill(line, ' ');
    return line;
  }

  /** Consumes one escape sequence starting after ESC; returns the index after it. */
  private int escape(String s, int i) {
    if (i >= s.length()) {
      return i;
    }
    char kind = s.charAt(i);
    if (kind == 'M') { // reverse index
      if (row > 0) {
        row--;
      }
      return i + 1;
    }
    if (kind == ']') { // OSC ... BEL or ST
      int end = s.indexOf('\u0007', i);
      return end < 0 ? s.length() : end + 1;
    }
    if (kind != '[') {
      return i + 1;
    }
    int j = i + 1;
    StringBuilder params = new StringBuilder();
    while (j < s.length() && (s.charAt(j) < '@' || s.charAt(j) > '~')) {
      params.append(s.charAt(j++));
    }
    if (j >= s.length()) {
      return j;
    }
    csi(s.charAt(j), params.toString());
    return j + 1;
  }

  private void csi(char command, String params) {
    if (params.startsWith("?") || params.startsWith(">")) {
      return; // private modes (cursor visibility, keypad): no effect on the text
    }
    String[] parts = params.isEmpty() ? new String[0] : params.split(";");
    int n = parts.length > 0 && !parts[0].isEmpty() ? Integer.parseInt(parts[0]) : 0;
    int count = Math.max(1, n);
    pendingWrap = false;
    switch (command) {
      case 'A' -> row = Math.max(0, row - count);
      case 'B' -> row = Math.min(rows - 1, row + count);
      case 'C' -> col = Math.min(cols - 1, col + count);
      case 'D' -> col = Math.max(0, col - count);
      case 'G' -> col = Math.min(cols - 1, count - 1);
      case 'H', 'f' -> {
        row = Math.min(rows - 1, count - 1);
        int c = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 1;
        col = Math.min(cols - 1, Math.max(1, c) - 1);
      }
      case 'K' -> eraseLine(n);
      case 'J' -> eraseDisplay(n);
      case 'P' -> deleteChars(count);
      case '@' -> insertChars(count);
      case 'X' -> Arrays.fill(grid[row], col, Math.min(cols, col + count), ' ');
      case 'L' -> insertLines(count);
      case 'M' -> deleteLines(count);
      default -> {} // SGR colours and the rest: no effect on the text
    }
  }

  private void eraseLine(int mode) {
    if (mode == 0) {
      Arrays.fill(grid[row], col, cols, ' ');
    } else if (mode == 1) {
      Arrays.fill(grid[row], 0, col + 1, ' ');
    } else {
      Arrays.fill(grid[row], ' ');
    }
  }

  private void eraseDisplay(int mode) {
    if (mode == 0) {
      eraseLine(0);
      for (int r = row + 1; r < rows; r++) {
        grid[r] = blank();
      }
    } else if (mode == 1) {
      for (int r = 0; r < row; r++) {
        grid[r] = blank();
      }
      eraseLine(1);
    } else {
      for (int r = 0; r < rows; r++) {
        grid[r] = blank();
      }
    }
  }

  private void deleteChars(int n) {
    char[] line = grid[row];
    int keep = Math.max(0, cols - col - n);
    System.arraycopy(line, Math.min(cols, col + n), line, col, keep);
    Arrays.fill(line, col + keep, cols, ' ');
  }

  private void insertChars(int n) {
    char[] line = grid[row];
    int move = Math.max(0, cols - col - n);
    System.arraycopy(line, col, line, Math.min(cols, col + n), move);
    Arrays.fill(line, col, Math.min(cols, col + n), ' ');
  }

  private void insertLines(int n) {
    for (int k = 0; k < n; k++) {
      System.arraycopy(grid, row, grid, row + 1, rows - row - 1);
      grid[row] = blank();
    }
  }

  private void deleteLines(int n) {
    for (int k = 0; k < n; k++) {
      System.arraycopy(grid, row + 1, grid, row, rows - row - 1);
      grid[rows - 1] = blank();
    }
  }
}
