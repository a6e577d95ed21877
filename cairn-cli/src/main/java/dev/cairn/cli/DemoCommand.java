package dev.cairn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The guided example of Django's tutorial, on SQLite in a new folder: a Product model, its first
 * migration, a new {@code stock} field, the second migration, and the way back.
 */
@Command(name = "demo",
    description = "Walk the guided example in a new folder on SQLite, printing every step.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dir", paramLabel = "<folder>",
      description = "Folder to create the example project in. Default: a new temporary folder.")
  Path dir;

  @Option(names = "--traceback", description = "Show the stack trace of an error.")
  boolean traceback;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  private static final String CONFIG = """
      # Cairn project: apps, their models and migrations, and the database.
      database: jdbc:sqlite:db.sqlite3
      apps:
        shop:
          models: models/shop.yaml
          migrations: migrations/shop
      """;

  private static final String MODELS_V1 = """
      app: shop
      models:
        Product:
          fields:
            name: {type: CharField, max_length: 100}
            price: {type: DecimalField, max_digits: 8, decimal_places: 2}
      """;

  private static final String MODELS_V2 = MODELS_V1
      + "      stock: {type: IntegerField, default: 0}\n";

  @Override public Integer call() throws IOException, SQLException {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("cairn-demo-");
    Path config = folder.resolve("cairn.yaml");
    Path models = folder.resolve("models/shop.yaml");
    Files.createDirectories(models.getParent());

    say(out, "Cairn's guided example: Django's workflow, on SQLite, in " + folder);
    write(out, config, CONFIG, "The project file");
    write(out, models, MODELS_V1, "A model: Product(name, price)");
    if (!run(out, config, "makemigrations")) return ExitCodes.DATABASE_ERROR;
    show(out, folder.resolve("migrations/shop/0001_initial.yaml"));
    if (!run(out, config, "migrate")) return ExitCodes.DATABASE_ERROR;

    String url = "jdbc:sqlite:" + folder.resolve("db.sqlite3");
    say(out, "A row goes in before the model changes:");
    insertProduct(out, url, "Teapot", "24.50");

    write(out, models, MODELS_V2, "The model gains a field: stock = IntegerField(default=0)");
    if (!run(out, config, "makemigrations")) return ExitCodes.DATABASE_ERROR;
    show(out, folder.resolve("migrations/shop/0002_product_stock.yaml"));
    if (!run(out, config, "sqlmigrate", "shop", "0002")) return ExitCodes.DATABASE_ERROR;
    if (!run(out, config, "migrate")) return ExitCodes.DATABASE_ERROR;
    say(out, "The row kept its data and got the default stock:");
    printProducts(out, url);
    if (!run(out, config, "showmigrations")) return ExitCodes.DATABASE_ERROR;
    if (!run(out, config, "migrate", "shop", "0001")) return ExitCodes.DATABASE_ERROR;
    if (!run(out, config, "showmigrations")) return ExitCodes.DATABASE_ERROR;
    say(out, "Back at 0001: the stock column is gone, the row is still there:");
    printProducts(out, url);

    say(out, "Done. The project is in " + folder + "; go on from there:");
    out.println("  cd " + folder);
    out.println("  " + launcher() + " migrate        # forwards again");
    out.println("  " + launcher() + " showmigrations");
    out.flush();
    return ExitCodes.OK;
  }

  /** Runs a cairn command in process, printing it as a user would type it. */
  private boolean run(PrintWriter out, Path config, String... args) {
    out.println();
    out.println("$ cairn " + String.join(" ", args));
    out.flush();
    List<String> full = new ArrayList<>(List.of(args));
    full.add("--config");
    full.add(config.toString());
    if (traceback) full.add("--traceback");
    CommandLine cl = Main.commandLine();
    cl.setOut(out);
    cl.setErr(spec.commandLine().getErr());
    int code = cl.execute(full.toArray(String[]::new));
    out.flush();
    return code == ExitCodes.OK;
  }

  private static void write(PrintWriter out, Path file, String text, String what)
      throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    say(out, what + ", " + file.getFileName() + ":");
    text.lines().forEach(l -> out.println("    " + l));
  }

  private static void show(PrintWriter out, Path file) throws IOException {
    out.println();
    out.println("$ cat " + file.getParent().getParent().getFileName() + "/"
        + file.getParent().getFileName() + "/" + file.getFileName());
    Files.readAllLines(file).forEach(out::println);
  }

  private static void say(PrintWriter out, String text) {
    out.println();
    out.println("== " + text);
    out.flush();
  }

  private static void insertProduct(PrintWriter out, String url, String name, String price)
      throws SQLException {
    try (Connection c = connect(url);
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO shop_product (name, price) VALUES (?, ?)")) {
      ps.setString(1, name);
      ps.setBigDecimal(2, new java.math.BigDecimal(price));
      ps.executeUpdate();
    }
    out.println("  INSERT INTO shop_product (name, price) VALUES ('" + name + "', " + price + ")");
  }

  private static void printProducts(PrintWriter out, String url) throws SQLException {
    try (Connection c = connect(url);
        PreparedStatement ps = c.prepareStatement("SELECT * FROM shop_product ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      List<String> header = new ArrayList<>();
      for (int i = 1; i <= n; i++) header.add(rs.getMetaData().getColumnName(i));
      out.println("  " + String.join(" | ", header));
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) row.add(String.valueOf(rs.getObject(i)));
        out.println("  " + String.join(" | ", row));
      }
    }
    out.flush();
  }

  /** The demo's own queries open SQLite as every command does, with the cached library. */
  private static Connection connect(String sqliteUrl) throws SQLException {
    SqliteNativeLibrary.useCachedCopy();
    return DriverManager.getConnection(sqliteUrl);
  }

  private static String launcher() {
    String home = System.getenv("CAIRN_HOME");
    return home != null ? home + "/cairn" : "cairn";
  }
}
