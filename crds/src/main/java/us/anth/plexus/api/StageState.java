package us.anth.plexus.api;

/** Status of one task stage; the same values as the dashboard's TaskStage.status. */
public enum StageState {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED
}
