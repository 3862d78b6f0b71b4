package us.anth.plexus.bridge;

/**
 * Dispatch failed for a reason that may pass (API unavailable, throttled); the record stays
 * DISPATCHING and a redelivery finishes it.
 */
public class RetryableDispatchException extends RuntimeException {
  public RetryableDispatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
