package us.anth.plexus.runner.publish;

/**
 * What a finished run hands to the Task record: the command as dispatched and each stream's tail as
 * large as a record can hold ({@link RecordOutputs#BUDGET_BYTES}) with the count of bytes the
 * command wrote to it (progress markers excluded), so a cut can be reported.
 */
public record RunOutput(
    String command, String stdout, long stdoutWritten, String stderr, long stderrWritten) {}
