package us.anth.plexus.runner.process;

import java.util.concurrent.atomic.AtomicLong;
import us.anth.plexus.runner.publish.RecordOutputs;

/**
 * What the runner keeps of one output stream: a bounded tail for the PlexusTask status, a larger
 * one for the Task record (read once, at the end) and the total byte count.
 */
public final class OutputCapture {
  private final OutputTail tail;
  private final OutputTail recordTail;
  private final AtomicLong bytes = new AtomicLong();
  private final Runnable onChange;

  public OutputCapture(int tailBytes, Runnable onChange) {
    this(tailBytes, RecordOutputs.BUDGET_BYTES, onChange);
  }

  public OutputCapture(int tailBytes, int recordBytes, Runnable onChange) {
    this.tail = new OutputTail(tailBytes);
    this.recordTail = new OutputTail(recordBytes);
    this.onChange = onChange;
  }

  /** Counts bytes the command wrote (markers included). */
  void count(int length) {
    bytes.addAndGet(length);
  }

  /** Keeps bytes in the tail (markers excluded). */
  void keep(byte[] data, int offset, int length) {
    tail.append(data, offset, length);
    recordTail.append(data, offset, length);
    onChange.run();
  }

  public long bytes() {
    return bytes.get();
  }

  public String tail() {
    return tail.text();
  }

  /** The record's tail (up to the record budget) as text. */
  public String recordTail() {
    return recordTail.text();
  }

  /** Bytes kept in all (markers excluded), including those the record's tail has dropped. */
  public long keptBytes() {
    return recordTail.written();
  }
}
