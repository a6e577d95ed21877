package dev.cairn.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.AddField;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.Operation;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class MigrationGraphTest {
  @Test void forwardsPlanOfAChainListsParentsFirst() {
    MigrationGraph graph = MigrationGraph.of(List.of(
        migration("shop.0001"), migration("shop.0002", "shop.0001"),
        migration("shop.0003", "shop.0002")));

    assertThat(graph.forwardsPlan(key("shop.0003"))).containsExactly(
        key("shop.0001"), key("shop.0002"), key("shop.0003"));
    assertThat(graph.forwardsPlan(key("shop.0002"))).containsExactly(
        key("shop.0001"), key("shop.0002"));
  }

  @Test void backwardsPlanOfAChainListsChildrenFirst() {
    MigrationGraph graph = MigrationGraph.of(List.of(
        migration("shop.0001"), migration("shop.0002", "shop.0001"),
        migration("shop.0003", "shop.0002")));

    assertThat(graph.backwardsPlan(key("shop.0001"))).containsExactly(
        key("shop.0003"), key("shop.0002"), key("shop.0001"));
  }

  @Test void forwardsPlanOfADiamondWalksTheGreaterParentFirstAsDjangoDoes() {
    MigrationGraph graph = MigrationGraph.of(List.of(
        migration("shop.0001"), migration("shop.0002_a", "shop.0001"),
        migration("shop.0002_b", "shop.0001"),
        migration("shop.0003_merge", "shop.0002_a", "shop.0002_b")));

    assertThat(graph.forwardsPlan(key("shop.0003_merge"))).containsExactly(
        key("shop.0001"), key("shop.0002_b"), key("shop.0002_a"), key("shop.0003_merge"));
    assertThat(graph.backwardsPlan(key("shop.0001"))).containsExactly(
        key("shop.0003_merge"), key("shop.0002_b"), key("shop.0002_a"), key("shop.0001"));
  }

  @Test void forwardsPlanFollowsDependenciesIntoOtherApps() {
    MigrationGraph graph = djangosSimpleGraph();

    assertThat(graph.forwardsPlan(key("app_a.0004"))).containsExactly(
        key("app_b.0001"), key("app_b.0002"), key("app_a.0001"), key("app_a.0002"),
        key("app_a.0003"), key("app_a.0004"));
  }

  @Test void backwardsPlanFollowsDependentsIntoOtherApps() {
    MigrationGraph graph = djangosSimpleGraph();

    assertThat(graph.backwardsPlan(key("app_b.0001"))).containsExactly(
        key("app_a.0004"), key("app_a.0003"), key("app_b.0002"), key("app_b.0001"));
  }

  @Test void forwardsPlanOfSeveralTargetsListsEachMigrationOnce() {
    MigrationGraph graph = djangosSimpleGraph();

    assertThat(graph.forwardsPlan(List.of(key("app_b.0002"), key("app_a.0004")))).containsExactly(
        key("app_b.0001"), key("app_b.0002"), key("app_a.0001"), key("app_a.0002"),
        key("app_a.0003"), key("app_a.0004"));
  }

  @Test void fullPlanListsEveryMigrationOnceParentsFirst() {
    MigrationGraph graph = djangosSimpleGraph();

    assertThat(graph.fullPlan()).containsExactly(
        key("app_b.0001"), key("app_b.0002"), key("app_a.0001"), key("app_a.0002"),
        key("app_a.0003"), key("app_a.0004"));
  }

  @Test void parentsAndChildrenAreTheDirectEdges() {
    MigrationGraph graph = djangosSimpleGraph();

    assertThat(graph.parents(key("app_a.0003"))).containsExactly(
        key("app_a.0002"), key("app_b.0002"));
    assertThat(graph.children(key("app_b.0002"))).containsExactly(key("app_a.0003"));
    assertThat(graph.apps()).containsExactly("app_a", "app_b");
  }

  @Test void leavesAndRootsArePerApp() {
    MigrationGraph graph = djangosSimpleGraph();

    assertThat(graph.leafNodes()).containsExactly(key("app_a.0004"), key("app_b.0002"));
    assertThat(graph.leafNodes("app_b")).containsExactly(key("app_b.0002"));
    assertThat(graph.rootNodes("app_a")).containsExactly(key("app_a.0001"));
  }

  @Test void runBeforeMakesTheNamedMigrationDependOnTheDeclaringOne() {
    Migration first = new Migration(key("blog.0001"), List.of(), List.of(), List.of(),
        List.of(key("shop.0001")), false, true, null, null, null);
    MigrationGraph graph = MigrationGraph.of(List.of(first, migration("shop.0001")));

    assertThat(graph.parents(key("shop.0001"))).containsExactly(key("blog.0001"));
    assertThat(graph.forwardsPlan(key("shop.0001"))).containsExactly(
        key("blog.0001"), key("shop.0001"));
  }

  @Test void missingDependencyNamesWhoNeedsWhat() {
    assertThatThrownBy(() -> MigrationGraph.of(List.of(migration("shop.0002_price",
        "shop.0001_initial"))))
        .isInstanceOf(NodeNotFoundException.class)
        .hasMessageStartingWith("shop.0002_price depends on shop.0001_initial, which does not exist\n");
  }

  @Test void missingRunBeforeTargetNamesWhoNeedsWhat() {
    Migration first = new Migration(key("blog.0001"), List.of(), List.of(), List.of(),
        List.of(key("shop.0001")), false, true, null, null, null);

    assertThatThrownBy(() -> MigrationGraph.of(List.of(first)))
        .isInstanceOf(NodeNotFoundException.class)
        .hasMessageStartingWith("blog.0001 must run before shop.0001, which does not exist\n");
  }

  @Test void unknownTargetIsReported() {
    MigrationGraph graph = MigrationGraph.of(List.of(migration("shop.0001")));

    assertThatThrownBy(() -> graph.forwardsPlan(key("shop.0009")))
        .isInstanceOf(NodeNotFoundException.class)
        .hasMessage("Migration shop.0009 does not exist");
  }

  @Test void sameMigrationTwiceIsRejected() {
    assertThatThrownBy(() -> MigrationGraph.of(List.of(migration("shop.0001"),
        migration("shop.0001"))))
        .isInstanceOf(DuplicateMigrationException.class)
        .hasMessageContaining("shop.0001");
  }

  @Test void dependencyOnFirstMeansTheAppsRootMigration() {
    MigrationGraph graph = MigrationGraph.of(List.of(
        migration("shop.0001"), migration("shop.0002", "shop.0001"),
        migration("blog.0001", "shop.__first__")));

    assertThat(graph.parents(key("blog.0001"))).containsExactly(key("shop.0001"));
  }

  @Test void dependencyOnLatestMeansTheAppsLeafMigration() {
    MigrationGraph graph = MigrationGraph.of(List.of(
        migration("shop.0001"), migration("shop.0002", "shop.0001"),
        migration("blog.0001", "shop.__latest__")));

    assertThat(graph.parents(key("blog.0001"))).containsExactly(key("shop.0002"));
  }

  @Test void dependencyOnFirstOfAnAppWithoutMigrationsFails() {
    assertThatThrownBy(() -> MigrationGraph.of(List.of(migration("blog.0001", "shop.__first__"))))
        .isInstanceOf(NodeNotFoundException.class)
        .hasMessage("blog.0001 depends on shop.__first__, but app shop has no migrations");
  }

  @Test void circularDependencyListsTheCycleInOrder() {
    assertThatThrownBy(() -> MigrationGraph.of(List.of(
        migration("shop.0001_a", "shop.0002_b"), migration("shop.0002_b", "shop.0001_a"))))
        .isInstanceOf(CircularDependencyException.class)
        .hasMessageContaining("shop.0001_a -> shop.0002_b -> shop.0001_a");
  }

  @Test void circularDependencyLeavesOutMigrationsLeadingIntoTheCycle() {
    assertThatThrownBy(() -> MigrationGraph.of(List.of(
        migration("shop.0001"), migration("shop.0002", "shop.0001", "shop.0004"),
        migration("shop.0003", "shop.0002"), migration("shop.0004", "shop.0003"))))
        .isInstanceOf(CircularDependencyException.class)
        .hasMessage("Circular dependency: shop.0002 -> shop.0003 -> shop.0004 -> shop.0002\n"
            + "  Remove one of these dependencies, in shop.0002, shop.0003, shop.0004.");
  }

  @Test void tenThousandMigrationChainIsPlannedWithoutOverflowingTheStack() {
    MigrationGraph graph = MigrationGraph.of(chain(10_000, false));

    assertThat(graph.forwardsPlan(key("shop.9999"))).hasSize(10_000).startsWith(key("shop.0000"));
    assertThat(graph.backwardsPlan(key("shop.0000"))).hasSize(10_000).startsWith(key("shop.9999"));
    assertThat(graph.leafState().models()).isEmpty();
  }

  @Test void tenThousandMigrationCycleIsFoundWithoutOverflowingTheStack() {
    assertThatThrownBy(() -> MigrationGraph.of(chain(10_000, true)))
        .isInstanceOfSatisfying(CircularDependencyException.class,
            e -> assertThat(e.cycle()).hasSize(10_000).startsWith(key("shop.0000")));
  }

  @Test void appWithTwoLeavesIsAConflict() {
    MigrationGraph graph = MigrationGraph.of(List.of(
        migration("shop.0001"), migration("shop.0002_b", "shop.0001"),
        migration("shop.0002_a", "shop.0001"), migration("blog.0001", "shop.0002_a")));

    assertThat(graph.conflicts()).isEqualTo(Map.of("shop", List.of("0002_a", "0002_b")));
    assertThatThrownBy(graph::requireNoConflicts)
        .isInstanceOf(ConflictException.class)
        .hasMessage("Conflicting migrations in app shop: 0002_a, 0002_b. To fix them run"
            + " 'cairn makemigrations --merge'.");
  }

  @Test void mergedBranchesAreNoConflict() {
    MigrationGraph graph = MigrationGraph.of(List.of(
        migration("shop.0001"), migration("shop.0002_a", "shop.0001"),
        migration("shop.0002_b", "shop.0001"),
        migration("shop.0003_merge", "shop.0002_a", "shop.0002_b")));

    assertThat(graph.conflicts()).isEmpty();
    graph.requireNoConflicts();
  }

  @Test void replacementIsUsedWhenNoneOfItsOriginalsAreApplied() {
    MigrationGraph graph = MigrationGraph.of(squashed()).withReplacements(Set.of());

    assertThat(graph.nodes()).containsExactly(key("shop.0001_squashed_0002"), key("shop.0003"));
    assertThat(graph.parents(key("shop.0003"))).containsExactly(key("shop.0001_squashed_0002"));
    assertThat(graph.replacementsUsed()).containsExactly(key("shop.0001_squashed_0002"));
    assertThat(graph.applied(Set.of())).isEmpty();
  }

  @Test void replacementIsUsedAndCountsAsAppliedWhenAllItsOriginalsAreApplied() {
    Set<MigrationKey> recorded = Set.of(key("shop.0001"), key("shop.0002"));
    MigrationGraph graph = MigrationGraph.of(squashed()).withReplacements(recorded);

    assertThat(graph.forwardsPlan(key("shop.0003"))).containsExactly(
        key("shop.0001_squashed_0002"), key("shop.0003"));
    assertThat(graph.applied(recorded)).containsExactly(key("shop.0001_squashed_0002"));
  }

  @Test void originalsAreKeptWhenOnlySomeOfThemAreApplied() {
    MigrationGraph graph = MigrationGraph.of(squashed()).withReplacements(Set.of(key("shop.0001")));

    assertThat(graph.nodes()).containsExactly(key("shop.0001"), key("shop.0002"), key("shop.0003"));
    assertThat(graph.replacementsUsed()).isEmpty();
    assertThat(graph.applied(Set.of(key("shop.0001")))).containsExactly(key("shop.0001"));
  }

  @Test void dependentsOfAnUnusedReplacementDependOnTheLastOriginal() {
    List<Migration> migrations = new ArrayList<>(squashed());
    migrations.add(migration("blog.0001", "shop.0001_squashed_0002"));
    MigrationGraph graph = MigrationGraph.of(migrations).withReplacements(Set.of(key("shop.0001")));

    assertThat(graph.parents(key("blog.0001"))).containsExactly(key("shop.0002"));
  }

  @Test void dependencyOnADeletedOriginalMeansItsReplacement() {
    List<Migration> migrations = List.of(
        replacing("shop.0001_squashed_0002", "shop.0001", "shop.0002"),
        migration("shop.0003", "shop.0002"));

    assertThat(MigrationGraph.of(migrations).parents(key("shop.0003")))
        .containsExactly(key("shop.0001_squashed_0002"));
    assertThat(MigrationGraph.of(migrations).withReplacements(Set.of()).parents(key("shop.0003")))
        .containsExactly(key("shop.0001_squashed_0002"));
  }

  @Test void deletedOriginalIsMissingWhenOnlySomeOriginalsAreApplied() {
    List<Migration> migrations = List.of(
        replacing("shop.0001_squashed_0002", "shop.0001", "shop.0002"),
        migration("shop.0003", "shop.0002"));

    assertThatThrownBy(() -> MigrationGraph.of(migrations).withReplacements(Set.of(key("shop.0001"))))
        .isInstanceOf(NodeNotFoundException.class)
        .hasMessageStartingWith("shop.0001_squashed_0002 replaces shop.0001, which does not exist");
  }

  @Test void stateAtReplaysTheOperationsOfTheTargetAndItsAncestors() {
    MigrationGraph graph = MigrationGraph.of(List.of(
        migration("shop.0001", List.of(), createProduct()),
        migration("shop.0002", List.of("shop.0001"), addField("product", "stock"))));
    ModelKey product = new ModelKey("shop", Name.of("product"));

    ProjectState initial = graph.stateAt(List.of(key("shop.0001")));
    ProjectState latest = graph.leafState();

    assertThat(initial.requireModel(product).field(Name.of("stock"))).isEmpty();
    assertThat(latest.requireModel(product).field(Name.of("stock"))).isPresent();
  }

  @Test void stateAtReplaysEveryAppOfTheTargets() {
    MigrationGraph graph = MigrationGraph.of(List.of(
        migration("shop.0001", List.of(), createProduct()),
        migration("blog.0001", List.of(), new CreateModel(Name.of("post"),
            Map.of(Name.of("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build()),
            null, null, null))));

    ProjectState state = graph.stateAt(List.of(key("shop.0001"), key("blog.0001")));

    assertThat(state.models()).hasSize(2);
    assertThat(graph.stateAt(List.of())).isEqualTo(ProjectState.empty());
  }

  @Test void stateAtNamesTheMigrationWhoseOperationDoesNotFit() {
    MigrationGraph graph = MigrationGraph.of(List.of(
        migration("shop.0001", List.of(), addField("product", "stock"))));

    assertThatThrownBy(graph::leafState)
        .isInstanceOf(ReplayException.class)
        .hasMessageStartingWith("shop.0001: Add field stock to product: ");
  }

  /** Django's test_graph.py {@code test_simple_graph}. */
  private static MigrationGraph djangosSimpleGraph() {
    return MigrationGraph.of(List.of(
        migration("app_a.0001"), migration("app_a.0002", "app_a.0001"),
        migration("app_a.0003", "app_a.0002", "app_b.0002"),
        migration("app_a.0004", "app_a.0003"),
        migration("app_b.0001"), migration("app_b.0002", "app_b.0001")));
  }

  private static List<Migration> squashed() {
    return List.of(
        migration("shop.0001"), migration("shop.0002", "shop.0001"),
        replacing("shop.0001_squashed_0002", "shop.0001", "shop.0002"),
        migration("shop.0003", "shop.0002"));
  }

  private static List<Migration> chain(int length, boolean closed) {
    List<Migration> chain = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      String parent = i > 0 ? String.format("shop.%04d", i - 1)
          : closed ? String.format("shop.%04d", length - 1) : null;
      chain.add(parent == null ? migration("shop.0000") : migration(String.format("shop.%04d", i), parent));
    }
    return chain;
  }

  private static Operation createProduct() {
    return new CreateModel(Name.of("product"),
        Map.of(Name.of("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build()),
        null, null, null);
  }

  private static Operation addField(String model, String name) {
    return new AddField(Name.of(model), Name.of(name), Field.of(FieldType.INTEGER).build());
  }

  private static Migration migration(String key, String... dependencies) {
    return migration(key, Arrays.asList(dependencies));
  }

  private static Migration migration(String key, List<String> dependencies,
      Operation... operations) {
    return new Migration(key(key), dependencies.stream().map(MigrationKey::parse).toList(),
        List.of(operations), List.of(), List.of(), false, true, null, null, null);
  }

  private static Migration replacing(String key, String... replaces) {
    return new Migration(key(key), List.of(), List.of(),
        Arrays.stream(replaces).map(MigrationKey::parse).toList(), List.of(), false, true, null,
        null, null);
  }

  private static MigrationKey key(String dotted) {
    return MigrationKey.parse(dotted);
  }
}
