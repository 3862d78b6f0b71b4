package us.anth.plexus.store;

/** The dashboard's Task {@code dispatchStatus}: who has picked the task up for execution. */
public enum DispatchState {
  PENDING,
  DISPATCHING,
  DISPATCHED,
  ERROR
}
