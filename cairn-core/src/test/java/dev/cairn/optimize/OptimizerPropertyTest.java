package dev.cairn.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.operations.AddConstraint;
import dev.cairn.operations.AddField;
import dev.cairn.operations.AddIndex;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.AlterModelTable;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.DeleteModel;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RemoveConstraint;
import dev.cairn.operations.RemoveField;
import dev.cairn.operations.RemoveIndex;
import dev.cairn.operations.RenameField;
import dev.cairn.operations.RenameIndex;
import dev.cairn.operations.RenameModel;
import dev.cairn.operations.RunSQL;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For random valid sequences of operations on a few models, the optimized sequence leads to the
 * same state and is never longer. Seeded, so that a failure repeats.
 */
final class OptimizerPropertyTest {
  private static final String APP = "shop";
  private static final List<String> MODELS = List.of("Alpha", "Beta", "Gamma", "Delta");
  private static final List<String> FIELDS = List.of("f0", "f1", "f2", "f3", "f4", "f5");

  @Test void optimizedOperationsLeadToTheSameStateAndAreNeverMore() {
    for (long seed = 0; seed < 2_000; seed++) {
      Random random = new Random(seed);
      List<Operation> ops = new Generator(random).operations(1 + random.nextInt(40));

      List<Operation> optimized = new Optimizer().optimize(ops, APP);

      assertThat(optimized).as("seed %d: %s", seed, ops).hasSizeLessThanOrEqualTo(ops.size());
      assertThat(apply(optimized)).as("seed %d: %s\n-> %s", seed, ops, optimized)
          .isEqualTo(apply(ops));
    }
  }

  @Test void optimizingShortensTypicalSequences() {
    int before = 0;
    int after = 0;
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      List<Operation> ops = new Generator(random).operations(30);
      before += ops.size();
      after += new Optimizer().optimize(ops, APP).size();
    }
    assertThat(after).isLessThan(before * 3 / 4);
  }

  private static ProjectState apply(List<Operation> ops) {
    ProjectState state = ProjectState.empty();
    for (Operation op : ops) state = op.stateForwards(APP, state);
    return state;
  }

  /** Picks operations that fit the state so far, and keeps that state up to date. */
  private static final class Generator {
    private final Random random;
    private ProjectState state = ProjectState.empty();
    private int names;

    Generator(Random random) {
      this.random = random;
    }

    List<Operation> operations(int count) {
      List<Operation> ops = new ArrayList<>();
      while (ops.size() < count) {
        Operation op = next();
        if (op == null) continue;
        state = op.stateForwards(APP, state);
        ops.add(op);
      }
      return ops;
    }

    private Operation next() {
      List<ModelState> models = List.copyOf(state.models());
      if (models.isEmpty() || random.nextInt(8) == 0) return createModel();
      ModelState m = models.get(random.nextInt(models.size()));
      Name model = spelling(m.name());
      List<Name> fields = m.fields().keySet().stream()
          .filter(f -> !m.fields().get(f).primaryKey()).toList();
      Name field = fields.isEmpty() ? null : fields.get(random.nextInt(fields.size()));
      switch (random.nextInt(14)) {
        case 0:
          return isPointedAt(m) ? null : new DeleteModel(model);
        case 1: {
          String to = freeModel();
          return to == null ? null : new RenameModel(model, Name.of(to));
        }
        case 2:
          return new AlterModelTable(model, random.nextBoolean() ? null : "t" + names++);
        case 3: {
          String name = pick(FIELDS);
          return m.field(Name.of(name)).isPresent() ? null
              : new AddField(model, Name.of(name), field());
        }
        case 4:
          return field == null ? null : new AlterField(model, field, field());
        case 5:
          return field == null || isCovered(m, field) ? null : new RemoveField(model, field);
        case 6: {
          String name = pick(FIELDS);
          return field == null || m.field(Name.of(name)).isPresent() ? null
              : new RenameField(model, field, Name.of(name));
        }
        case 7:
          return field == null ? null
              : new AddIndex(model, new Index("i" + names++, List.of(field), random.nextBoolean(), null));
        case 8:
          return m.indexes().isEmpty() ? null : new RemoveIndex(model, pickOf(m.indexes()).name());
        case 9:
          return m.indexes().isEmpty() ? null
              : new RenameIndex(model, "i" + names++, pickOf(m.indexes()).name());
        case 10:
          if (field != null && random.nextBoolean()) {
            return new AddConstraint(model, Constraint.unique("c" + names++, List.of(field), null));
          }
          return new AddConstraint(model, Constraint.check("c" + names++, "1 = 1"));
        case 11:
          return m.constraints().isEmpty() ? null
              : new RemoveConstraint(model, pickOf(m.constraints()).name());
        case 12:
          return random.nextInt(4) == 0
              ? new RunSQL(List.of("SELECT 1"), List.of(), List.of(), random.nextBoolean()) : null;
        default:
          return createModel();
      }
    }

    private Operation createModel() {
      String name = freeModel();
      if (name == null) return null;
      Map<Name, Field> fields = new LinkedHashMap<>();
      fields.put(Name.of("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build());
      for (int i = random.nextInt(3); i > 0; i--) fields.putIfAbsent(Name.of(pick(FIELDS)), field());
      if (random.nextInt(5) == 0) {
        fields.putIfAbsent(Name.of("parent"), Field.of(FieldType.FOREIGN_KEY).to(name).nullable(true).build());
      }
      return new CreateModel(Name.of(name), fields, null, List.of(), List.of());
    }

    /** An integer, a string, or a key to a model there is. */
    private Field field() {
      List<ModelState> models = List.copyOf(state.models());
      return switch (random.nextInt(4)) {
        case 0 -> Field.of(FieldType.INTEGER).defaultValue(random.nextInt(3)).build();
        case 1 -> Field.of(FieldType.CHAR).maxLength(10 + random.nextInt(3)).build();
        case 2 -> Field.of(FieldType.TEXT).nullable(random.nextBoolean()).build();
        default -> models.isEmpty() ? Field.of(FieldType.BOOLEAN).build()
            : Field.of(FieldType.FOREIGN_KEY).nullable(true).to(reference(pickOf(models))).build();
      };
    }

    private String reference(ModelState target) {
      String name = spelling(target.name()).value();
      return random.nextBoolean() ? name : APP + "." + name;
    }

    /** The model's name as written, or in lower case: names compare without regard to case. */
    private Name spelling(Name name) {
      return random.nextInt(4) == 0 ? Name.of(name.value().toLowerCase(Locale.ROOT)) : name;
    }

    private String freeModel() {
      List<String> free = MODELS.stream()
          .filter(n -> state.model(new ModelKey(APP, Name.of(n))).isEmpty()).toList();
      return free.isEmpty() ? null : pick(free);
    }

    /** A model another model's key points at cannot be dropped: the database refuses. */
    private boolean isPointedAt(ModelState m) {
      return state.models().stream().filter(o -> !o.key().equals(m.key()))
          .flatMap(o -> o.fields().values().stream())
          .anyMatch(f -> f.to() != null && ModelKey.resolve(APP, f.to()).equals(m.key()));
    }

    /** A field an index or constraint names cannot be removed before them. */
    private static boolean isCovered(ModelState m, Name field) {
      return m.indexes().stream().anyMatch(i -> i.fields().contains(field))
          || m.constraints().stream().anyMatch(c -> c.fields().contains(field));
    }

    private String pick(List<String> from) {
      return from.get(random.nextInt(from.size()));
    }

    private <T> T pickOf(List<T> from) {
      return from.get(random.nextInt(from.size()));
    }
  }
}
