package us.anth.plexus.cli;

/**
 * Gives {@code plexusctl dev} its {@link DevStack} (registered for {@link
 * java.util.ServiceLoader}).
 */
public final class DevStackStarter implements DevEnvironment.Starter {
  @Override
  public DevEnvironment start(DevOptions options) {
    return DevStack.start(options);
  }
}
