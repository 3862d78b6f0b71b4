package us.anth.plexus.runner.process;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a byte stream, read by read, into runs of plain bytes and whole lines that start with a
 * prefix. Plain bytes are handed on as ranges of the caller's buffer (several lines in one range);
 * only a line that starts with the prefix is copied, into a buffer of at most {@code maxLine}
 * bytes. Such a line that grows past {@code maxLine} is handed on as plain bytes, and so is the
 * rest of it.
 */
final class LineScanner {
  /** Receives a range of plain bytes. */
  interface Plain {
    void accept(byte[] data, int offset, int length) throws IOException;
  }

  /**
   * Receives a whole line (newline included, unless the stream ended) that starts with the prefix.
   */
  interface Candidate {
    void accept(byte[] line, int length) throws IOException;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final byte[] prefix;
  private final byte[] line;
  private int lineLength;

  /** Gathering a line that starts (or may start) with the prefix. */
  private boolean gathering;

  /** The next byte starts a line. */
  private boolean atLineStart = true;

  LineScanner(byte[] prefix, int maxLine) {
    this.prefix = prefix;
    this.line = new byte[maxLine];
  }

  /** Scans {@code data[0, n)}. */
  void scan(byte[] data, int n, Plain plain, Candidate candidate) throws IOException {
    int pos = 0;
    int runStart = 0;
    while (pos < n) {
      if (gathering) {
        pos = gather(data, pos, n, plain, candidate);
        runStart = pos;
      } else if (atLineStart && mayStartWithPrefix(data, pos, n)) {
        if (pos > runStart) {
          plain.accept(data, runStart, pos - runStart);
        }
        gathering = true;
        lineLength = 0;
      } else {
        int newline = indexOfNewline(data, pos, n);
        atLineStart = newline >= 0;
        pos = newline >= 0 ? newline + 1 : n;
      }
    }
    if (!gathering && n > runStart) {
      plain.accept(data, runStart, n - runStart);
    }
  }

  /** The stream ended: hands on a line still being gathered. */
  void end(Plain plain, Candidate candidate) throws IOException {
    if (gathering && lineLength > 0) {
      if (startsWithPrefix()) {
        candidate.accept(line, lineLength);
      } else {
        plain.accept(line, 0, lineLength);
      }
    }
    gathering = false;
    lineLength = 0;
  }

  /** Copies bytes of the gathered line up to its newline; returns the next position. */
  private int gather(byte[] data, int pos, int n, Plain plain, Candidate candidate)
      throws IOException {
    int newline = indexOfNewline(data, pos, n);
    int end = newline >= 0 ? newline + 1 : n;
    int room = line.length - lineLength;
    if (end - pos > room) {
      // Too long to be a marker: what is gathered and the rest of the line pass through.
      if (lineLength > 0) {
        plain.accept(line, 0, lineLength);
      }
      gathering = false;
      atLineStart = false;
      lineLength = 0;
      return pos;
    }
    System.arraycopy(data, pos, line, lineLength, end - pos);
    lineLength += end - pos;
    if (lineLength < prefix.length && newline < 0) {
      return end; // the prefix may still complete in the next read
    }
    if (!startsWithPrefix()) {
      plain.accept(line, 0, lineLength);
      gathering = false;
      atLineStart = newline >= 0;
      lineLength = 0;
      return end;
    }
    if (newline >= 0) {
      candidate.accept(line, lineLength);
      gathering = false;
      atLineStart = true;
      lineLength = 0;
    }
    return end;
  }

  /** Whether the bytes from {@code pos} agree with the prefix as far as they go. */
  private boolean mayStartWithPrefix(byte[] data, int pos, int n) {
    int length = Math.min(prefix.length, n - pos);
    for (int i = 0; i < length; i++) {
      if (data[pos + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean startsWithPrefix() {
    if (lineLength < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (line[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The first newline in {@code data[from, to)}, eight bytes at a time; -1 if none. */
  static int indexOfNewline(byte[] data, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(data, i) ^ NEWLINES;
      long zeroBytes = (word - ONES) & ~word & HIGH_BITS;
      if (zeroBytes != 0) {
        return i + (Long.numberOfTrailingZeros(zeroBytes) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
