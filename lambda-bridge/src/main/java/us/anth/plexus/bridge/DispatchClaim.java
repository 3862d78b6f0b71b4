package us.anth.plexus.bridge;

/**
 * A claim this bridge holds on a Task record: which delivery attempt this is, and which dispatch
 * run of the record (1 for the first dispatch, 2 after one re-dispatch, ...) it serves.
 */
public record DispatchClaim(int attempt, int run) {}
