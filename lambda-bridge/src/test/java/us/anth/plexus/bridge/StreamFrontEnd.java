package us.anth.plexus.bridge;

/**
 * One way stream records reach the bridge core (the Lambda handler, or the in-cluster poller), as
 * the tests drive it: {@link #deliverNew()} returns once every record now in the stream was
 * handled.
 */
public interface StreamFrontEnd extends AutoCloseable {
  /** Hands every stream record not yet handled to the bridge, in order, and waits for them. */
  void deliverNew();

  @Override
  void close();
}
