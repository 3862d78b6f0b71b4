package us.anth.plexus.devkit.executor;

/**
 * A stand-in for the runner: {@code exit N} or {@code sleep SECONDS}; prints its pod name; before
 * {@code exit N} writes its termination message as the runner does.
 */
public final class FakeRunnerMain {
  private FakeRunnerMain() {}

  public static void main(String[] args) throws Exception {
    System.out.println(
        "fake runner in pod "
            + System.getenv("PLEXUS_POD_NAME")
            + " on "
            + System.getenv("PLEXUS_NODE_NAME")
            + " kubeconfig "
            + System.getenv("KUBECONFIG"));
    if (args[0].equals("sleep")) {
      Thread.sleep(Long.parseLong(args[1]) * 1000);
      System.exit(0);
    }
    System.err.println("exiting with " + args[1]);
    String message = System.getenv("PLEXUS_TERMINATION_MESSAGE_PATH");
    if (message != null) {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(message), "fake runner final state: exit " + args[1]);
    }
    System.exit(Integer.parseInt(args[1]));
  }
}
