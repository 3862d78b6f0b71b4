package us.anth.plexus.api;

/** Dispatch state of the DynamoDB Task record, as the Plexus dashboard knows it. */
public enum DispatchStatus {
  PENDING,
  DISPATCHING,
  DISPATCHED,
  ERROR
}
