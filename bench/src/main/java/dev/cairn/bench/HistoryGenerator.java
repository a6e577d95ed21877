package dev.cairn.bench;

import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.AddConstraint;
import dev.cairn.operations.AddField;
import dev.cairn.operations.AddIndex;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.ModelOptions;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RemoveField;
import dev.cairn.operations.RenameField;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.Name;
import dev.cairn.state.OnDelete;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated schema histories. {@link #generate} (for the replay benchmarks): one initial
 * migration creating {@code models} models (each pointing at the one before), then one change per
 * migration cycling through add field, alter field, add index, rename field and remove field.
 * {@link #realistic} (for the comparison with Flyway and Liquibase, issue 4): the same initial
 * migration, then seven kinds of change, each a real piece of DDL on PostgreSQL.
 */
final class HistoryGenerator {
  private HistoryGenerator() {}

  static List<Migration> generate(String app, int models, int migrations) {
    List<Migration> result = new ArrayList<>();
    List<Operation> initial = new ArrayList<>();
    for (int m = 0; m < models; m++) {
      Map<Name, Field> fields = new LinkedHashMap<>();
      fields.put(Name.of("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build());
      fields.put(Name.of("name"), Field.of(FieldType.CHAR).maxLength(100).build());
      fields.put(Name.of("created"), Field.of(FieldType.DATE_TIME).build());
      if (m > 0) {
        fields.put(Name.of("parent"), Field.of(FieldType.FOREIGN_KEY).to(app + ".Model" + (m - 1))
            .onDelete(OnDelete.CASCADE).nullable(true).build());
      }
      initial.add(new CreateModel(Name.of("Model" + m), fields, ModelOptions.DEFAULTS, List.of(),
          List.of()));
    }
    MigrationKey previous = new MigrationKey(app, "0001_initial");
    result.add(migration(previous, List.of(), initial));
    for (int n = 2; n <= migrations; n++) {
      int change = n - 2;
      Name model = Name.of("Model" + (change % models));
      int round = change / models;
      Name field = Name.of("f" + round);
      Operation op = switch (round % 5) {
        case 0 -> new AddField(model, field, Field.of(FieldType.INTEGER).defaultValue(0).build());
        case 1 -> new AlterField(model, Name.of("f" + (round - 1)),
            Field.of(FieldType.INTEGER).nullable(true).build());
        case 2 -> new AddIndex(model, new Index(model.lower() + "_name_" + round,
            List.of(Name.of("name")), false, null));
        case 3 -> new RenameField(model, Name.of("f" + (round - 3)), Name.of("g" + round));
        default -> new RemoveField(model, Name.of("g" + (round - 1)));
      };
      MigrationKey key = new MigrationKey(app, String.format("%04d_change_%d", n, n));
      result.add(migration(key, List.of(previous), List.of(op)));
      previous = key;
    }
    return result;
  }

  /**
   * The history of issue 4: an initial migration creating {@code models} models with foreign keys,
   * then one change per migration, model after model, cycling per round through: add field with a
   * default, alter max_length, add index, rename field, remove field, add a nullable foreign key,
   * add a unique constraint. Every change refers only to what earlier ones made, so the history
   * applies and rolls back on a real database.
   */
  static List<Migration> realistic(String app, int models, int migrations) {
    List<Migration> result = new ArrayList<>();
    MigrationKey previous = new MigrationKey(app, "0001_initial");
    result.add(migration(previous, List.of(), initialModels(app, models)));
    for (int n = 2; n <= migrations; n++) {
      int change = n - 2;
      int m = change % models;
      Name model = Name.of("Model" + m);
      int round = change / models;
      String table = app + "_model" + m;
      Operation op = switch (round % 7) {
        case 0 -> new AddField(model, Name.of("f" + round),
            Field.of(FieldType.INTEGER).defaultValue(0).build());
        case 1 -> new AlterField(model, Name.of("name"),
            Field.of(FieldType.CHAR).maxLength(100 + round).build());
        case 2 -> new AddIndex(model, new Index(table + "_name_" + round, List.of(Name.of("name")),
            false, null));
        case 3 -> new RenameField(model, Name.of("f" + (round - 3)), Name.of("g" + round));
        case 4 -> new RemoveField(model, Name.of("g" + (round - 1)));
        case 5 -> new AddField(model, Name.of("ref" + round),
            Field.of(FieldType.FOREIGN_KEY).to(app + ".Model" + ((m + 1) % models))
                .onDelete(OnDelete.SET_NULL).nullable(true).build());
        default -> new AddConstraint(model, Constraint.unique(table + "_name_ref" + (round - 1)
            + "_uniq", List.of(Name.of("name"), Name.of("ref" + (round - 1))), null));
      };
      MigrationKey key = new MigrationKey(app, String.format("%04d_change_%d", n, n));
      result.add(migration(key, List.of(previous), List.of(op)));
      previous = key;
    }
    return result;
  }

  private static List<Operation> initialModels(String app, int models) {
    List<Operation> initial = new ArrayList<>();
    for (int m = 0; m < models; m++) {
      Map<Name, Field> fields = new LinkedHashMap<>();
      fields.put(Name.of("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build());
      fields.put(Name.of("name"), Field.of(FieldType.CHAR).maxLength(100).build());
      fields.put(Name.of("created"), Field.of(FieldType.DATE_TIME).build());
      if (m > 0) {
        fields.put(Name.of("parent"), Field.of(FieldType.FOREIGN_KEY).to(app + ".Model" + (m - 1))
            .onDelete(OnDelete.CASCADE).nullable(true).build());
      }
      initial.add(new CreateModel(Name.of("Model" + m), fields, ModelOptions.DEFAULTS, List.of(),
          List.of()));
    }
    return initial;
  }

  private static Migration migration(MigrationKey key, List<MigrationKey> deps, List<Operation> ops) {
    return new Migration(key, deps, ops, List.of(), List.of(), deps.isEmpty(), true, null, null, null);
  }
}
