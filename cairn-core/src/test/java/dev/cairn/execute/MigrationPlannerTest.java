package dev.cairn.execute;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.graph.MigrationGraph;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class MigrationPlannerTest {
  @Test void aTargetAppWhenNoAppHasMigrationsSaysThereAreNone() {
    MigrationPlanner planner = new MigrationPlanner(MigrationGraph.of(List.of()), Set.of());
    assertThatThrownBy(() -> planner.plan(List.of(new Target("shop", "0001"))))
        .hasMessage("app 'shop' has no migrations; no app has any yet: run 'cairn makemigrations'"
            + " to write them");
  }
}
