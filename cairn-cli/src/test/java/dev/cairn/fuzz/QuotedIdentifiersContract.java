package dev.cairn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.Main;
import dev.cairn.connect.Database;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.SchemaSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identifiers that only survive quoted (reserved words, mixed case, spaces, a double quote, a
 * backtick, a semicolon, non-ASCII letters) as model names, field names, db_table, db_column,
 * index and constraint names: migrate applies them, data survives AlterField and RenameField,
 * and migrate zero takes everything away again, on each dialect.
 */
abstract class QuotedIdentifiersContract {
  static final String INITIAL = """
      initial: true
      dependencies: []
      operations:
        - CreateModel:
            name: Order
            fields:
              id: {type: BigAutoField, primary_key: true}
              select: {type: CharField, max_length: 50}
              user: {type: IntegerField, null: true}
              "Mixed Case": {type: CharField, max_length: 20, null: true, db_column: "we\\"ird col"}
              table: {type: TextField, null: true, db_column: "back`tick"}
              naïve: {type: CharField, max_length: 10, null: true, db_column: "ünï; DROP"}
            options: {db_table: order}
            indexes:
              - {name: "order \\"idx\\"", fields: [select]}
            constraints:
              - {type: UniqueConstraint, name: "select`uniq", fields: [select, user]}
              - {type: CheckConstraint, name: "Täble Check", check: "length(\\"select\\") > 0"}
      """;
  static final String CHANGES = """
      dependencies: [quoted.0001_initial]
      operations:
        - AlterField: {model_name: order, name: select, field: {type: CharField, max_length: 100}}
        - RenameField: {model_name: order, old_name: user, new_name: "Group By"}
        - AlterField:
            model_name: order
            name: "Mixed Case"
            field: {type: CharField, max_length: 40, null: true, db_column: "we\\"ird col"}
        - AddField: {model_name: order, name: where, field: {type: IntegerField, default: 7}}
        - AddIndex: {model_name: order, index: {name: "Mixed Idx", fields: ["Mixed Case", where]}}
        - CreateModel:
            name: User
            fields:
              id: {type: BigAutoField, primary_key: true}
              order: {type: ForeignKey, to: quoted.Order, on_delete: CASCADE, null: true}
            options: {db_table: user}
        - AlterModelTable: {name: user, table: "Sélect \\"T\\""}
        - RenameModel: {old_name: User, new_name: Table}
        - RenameIndex: {model_name: order, new_name: "renamed; idx", old_name: "order \\"idx\\""}
      """;

  @TempDir Path folder;

  /** A fresh, empty database of the dialect under test. */
  abstract String emptyDatabase() throws Exception;

  @Test void quotedIdentifiersGoForwardsKeepTheirDataAndComeBack() throws Exception {
    String url = emptyDatabase();
    write("cairn.yaml", "apps:\n  quoted:\n");
    write("migrations/quoted/0001_initial.yaml", INITIAL);
    write("migrations/quoted/0002_changes.yaml", CHANGES);

    run(url, "migrate", "quoted", "0001");
    try (Database db = Database.open(url)) {
      Dialect d = db.dialect();
      try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO " + d.quote("order")
          + " (" + String.join(", ", d.quote("select"), d.quote("user"), d.quote("we\"ird col"),
          d.quote("back`tick"), d.quote("ünï; DROP")) + ") VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, "a'b\"c");
        ps.setInt(2, 3);
        ps.setString(3, "mixed");
        ps.setString(4, "tick");
        ps.setString(5, "ü");
        ps.executeUpdate();
      }
    }

    run(url, "migrate");
    try (Database db = Database.open(url)) {
      Dialect d = db.dialect();
      SchemaSnapshot schema = d.introspect(db.connection());
      assertThat(schema.tables()).containsKeys("order", "Sélect \"T\"");
      assertThat(schema.tables().get("order").columnNames()).contains("select", "Group By",
          "we\"ird col", "back`tick", "ünï; DROP", "where");
      assertThat(schema.tables().get("order").indexes()).extracting(SchemaSnapshot.IndexDef::name)
          .contains("renamed; idx", "Mixed Idx");
      assertThat(schema.tables().get("order").column("we\"ird col").orElseThrow().type())
          .contains("40");
      assertThat(select(db, "SELECT " + String.join(", ", d.quote("select"), d.quote("Group By"),
          d.quote("we\"ird col"), d.quote("back`tick"), d.quote("ünï; DROP"), d.quote("where"))
          + " FROM " + d.quote("order")))
          .containsExactly("a'b\"c", "3", "mixed", "tick", "ü", "7");
    }

    run(url, "migrate", "quoted", "0001");
    try (Database db = Database.open(url)) {
      Dialect d = db.dialect();
      SchemaSnapshot schema = d.introspect(db.connection());
      assertThat(schema.tables()).containsKey("order").doesNotContainKey("Sélect \"T\"");
      assertThat(schema.tables().get("order").columnNames()).contains("user").doesNotContain("where");
      assertThat(select(db, "SELECT " + d.quote("select") + ", " + d.quote("user") + " FROM "
          + d.quote("order"))).containsExactly("a'b\"c", "3");
    }

    run(url, "migrate", "quoted", "zero");
    try (Database db = Database.open(url)) {
      assertThat(db.dialect().introspect(db.connection()).tables()).isEmpty();
    }
    run(url, "migrate");
    assertThat(run(url, "showmigrations").replace("\r", "")).isEqualTo("""
        quoted
         [X] 0001_initial
         [X] 0002_changes
        """);
  }

  private String run(String url, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", folder.resolve("cairn.yaml").toString(), "--database", url));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    assertThat(code).as("cairn %s\n%s\n%s", String.join(" ", args), out, err).isZero();
    return out.toString();
  }

  private static List<String> select(Database db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement ps = db.connection().prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) values.add(rs.getString(i));
      assertThat(rs.next()).isFalse();
    }
    return values;
  }

  private void write(String relative, String text) throws IOException {
    Path file = folder.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
