package us.anth.plexus.store.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the GraphQL API answered: {@code data} and AppSync's {@code errors} (type and message each).
 *
 * @param data the {@code data} object, possibly null
 * @param errors the errors, empty when the operation succeeded
 */
public record GraphQlAnswer(JsonNode data, List<GraphQlError> errors) {

  /**
   * One GraphQL error as AppSync reports it, e.g. {@code DynamoDB:ConditionalCheckFailedException}.
   */
  public record GraphQlError(String errorType, String message) {
    @Override
    public String toString() {
      return errorType == null || errorType.isBlank() ? message : errorType + ": " + message;
    }
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  /** Whether the mutation's condition (or the resolver's own key condition) did not hold. */
  public boolean conditionFailed() {
    return !errors.isEmpty()
        && errors.stream()
            .allMatch(
                e -> e.errorType() != null && e.errorType().contains("ConditionalCheckFailed"));
  }

  /** The errors as one line, in AppSync's own words. */
  public String message() {
    return errors.stream().map(GraphQlError::toString).collect(Collectors.joining("; "));
  }
}
