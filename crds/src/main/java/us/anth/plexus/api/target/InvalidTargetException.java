package us.anth.plexus.api.target;

/** A target or target pattern that does not follow the 'domain/subdomain' grammar. */
public class InvalidTargetException extends IllegalArgumentException {
  public InvalidTargetException(String message) {
    super(message);
  }
}
