package us.anth.plexus.runner.process;

import java.nio.charset.StandardCharsets;

/** The last {@code capacity} bytes written to a stream (a ring buffer), readable as UTF-8. */
public final class OutputTail {
  private final byte[] ring;
  private long written;

  public OutputTail(int capacity) {
    this.ring = new byte[capacity];
  }

  public synchronized void append(byte[] bytes, int offset, int length) {
    int capacity = ring.length;
    if (capacity == 0) {
      return;
    }
    if (length >= capacity) {
      offset += length - capacity;
      length = capacity;
    }
    int start = (int) (written % capacity);
    int first = Math.min(length, capacity - start);
    System.arraycopy(bytes, offset, ring, start, first);
    System.arraycopy(bytes, offset + first, ring, 0, length - first);
    written += length;
  }

  /** How many bytes were appended in all (kept or since overwritten). */
  public synchronized long written() {
    return written;
  }

  /** The kept bytes as text; a multi-byte character cut at the start is dropped. */
  public synchronized String text() {
    int capacity = ring.length;
    int size = (int) Math.min(written, capacity);
    byte[] ordered = new byte[size];
    int start = written <= capacity ? 0 : (int) (written % capacity);
    int first = Math.min(size, capacity - start);
    System.arraycopy(ring, start, ordered, 0, first);
    System.arraycopy(ring, 0, ordered, first, size - first);
    int skip = 0;
    while (skip < size && written > capacity && (ordered[skip] & 0xC0) == 0x80) {
      skip++;
    }
    return new String(ordered, skip, size - skip, StandardCharsets.UTF_8);
  }
}
