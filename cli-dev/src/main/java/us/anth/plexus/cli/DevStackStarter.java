package us.anth.plexus.cli;

import java.nio.file.Path;

/**
 * Gives {@code plexusctl dev} its {@link DevStack} (registered for {@link
 * java.util.ServiceLoader}).
 */
public final class DevStackStarter implements DevEnvironment.Starter {
  @Override
  public DevEnvironment start(int port, Path devDir, String runnerClasspath) {
    return DevStack.start(port, devDir, runnerClasspath);
  }
}
