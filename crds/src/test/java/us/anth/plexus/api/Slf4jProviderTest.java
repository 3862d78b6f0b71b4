package us.anth.plexus.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/** The tests' classpath has one SLF4J provider, so fabric8 logs instead of SLF4J warning. */
class Slf4jProviderTest {
  @Test
  void fabric8LogsThroughARealProvider() {
    assertThat(LoggerFactory.getILoggerFactory())
        .as("no provider: SLF4J prints 'No SLF4J providers were found' and drops every line")
        .isNotInstanceOf(NOPLoggerFactory.class);
  }
}
