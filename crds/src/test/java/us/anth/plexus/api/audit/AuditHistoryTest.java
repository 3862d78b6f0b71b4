package us.anth.plexus.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditHistoryTest {
  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  private static AuditEntry entry(String kind, Integer attempt, int second) {
    AuditEntry entry = AuditEntry.of(kind, "alice", kind + " happened", T0.plusSeconds(second));
    return attempt == null ? entry : entry.attempt(attempt);
  }

  @Test
  void anEntryAlreadyRecordedIsNotAddedAgain() {
    List<AuditEntry> history = AuditHistory.append(null, entry(AuditKind.CREATED, null, 0));
    history = AuditHistory.append(history, entry(AuditKind.ROUTED, null, 1));

    assertThat(AuditHistory.append(history, entry(AuditKind.CREATED, null, 5))).isSameAs(history);
    assertThat(history).extracting(AuditEntry::getKind).containsExactly("Created", "Routed");
  }

  @Test
  void perAttemptKindsAreKeptPerAttemptAndNeverGoBack() {
    List<AuditEntry> history = AuditHistory.append(null, entry(AuditKind.RETRIED, 2, 0));
    history = AuditHistory.append(history, entry(AuditKind.RETRIED, 3, 1));

    assertThat(AuditHistory.append(history, entry(AuditKind.RETRIED, 2, 2))).isSameAs(history);
    assertThat(AuditHistory.append(history, entry(AuditKind.RETRIED, 3, 2))).isSameAs(history);
    assertThat(AuditHistory.append(history, entry(AuditKind.RETRIED, 4, 2))).hasSize(3);
  }

  @Test
  void overflowKeepsTheFirstTenAMarkerAndTheNewest() {
    List<AuditEntry> history = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      history = AuditHistory.append(history, entry(AuditKind.ATTEMPT_ENDED, i, i));
    }

    assertThat(history).hasSize(AuditHistory.MAX_ENTRIES);
    assertThat(history.subList(0, 10))
        .extracting(AuditEntry::getAttempt)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    AuditEntry marker = history.get(10);
    assertThat(marker.getKind()).isEqualTo(AuditKind.TRUNCATED);
    assertThat(marker.getOmitted()).isEqualTo(11);
    assertThat(marker.getMessage()).startsWith("11 entries dropped");
    assertThat(history.get(11).getAttempt()).isEqualTo(22);
    assertThat(history.get(49).getAttempt()).isEqualTo(60);
  }

  @Test
  void appendingNeverChangesTheGivenList() {
    List<AuditEntry> history = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      history = AuditHistory.append(history, entry(AuditKind.ATTEMPT_ENDED, i, i));
    }
    List<AuditEntry> full = history;
    List<AuditEntry> next = AuditHistory.append(full, entry(AuditKind.ATTEMPT_ENDED, 51, 51));

    assertThat(full).hasSize(50).noneMatch(e -> AuditKind.TRUNCATED.equals(e.getKind()));
    assertThat(next).hasSize(50).anyMatch(e -> AuditKind.TRUNCATED.equals(e.getKind()));
  }

  @Test
  void longMessagesAreCut() {
    AuditEntry entry = AuditEntry.of("Finished", "op", "x".repeat(1000), T0);
    assertThat(entry.getMessage()).hasSize(AuditEntry.MAX_MESSAGE);
    assertThat(entry.getAt()).isEqualTo("2026-12-01T08:00:00.000Z");
  }
}
