package us.anth.plexus.api.read;

/** A model object read by a {@link TolerantDeserializer}; it keeps what the read found. */
public interface TolerantlyRead {
  /** The problems found when this object was read (empty for objects built in code). */
  ReadProblems readProblems();
}
