package us.anth.plexus.runner.process;

import java.util.concurrent.atomic.AtomicLong;

/** What the runner keeps of one output stream: a bounded tail and the total byte count. */
public final class OutputCapture {
  private final OutputTail tail;
  private final AtomicLong bytes = new AtomicLong();
  private final Runnable onChange;

  public OutputCapture(int tailBytes, Runnable onChange) {
    this.tail = new OutputTail(tailBytes);
    this.onChange = onChange;
  }

  /** Counts bytes the command wrote (markers included). */
  void count(int length) {
    bytes.addAndGet(length);
  }

  /** Keeps bytes in the tail (markers excluded). */
  void keep(byte[] data, int offset, int length) {
    tail.append(data, offset, length);
    onChange.run();
  }

  public long bytes() {
    return bytes.get();
  }

  public String tail() {
    return tail.text();
  }
}
