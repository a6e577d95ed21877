package dev.cairn.cli;

import static dev.cairn.cli.Cli.cairn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guided example walks Django's tutorial to the end and keeps the row it inserted. */
final class DemoTest {
  @TempDir Path folder;

  @Test void theDemoWalksEveryStepAndEndsBackAt0001() {
    Cli.Result r = cairn("demo", "--dir", folder.resolve("demo").toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).containsSubsequence(
        "$ cairn makemigrations", "0001_initial.yaml", "- Create model Product",
        "$ cairn migrate", "Applying shop.0001_initial... OK",
        "INSERT INTO shop_product",
        "stock: {type: IntegerField, default: 0}",
        "$ cairn makemigrations", "0002_product_stock.yaml", "- Add field stock to product",
        "$ cairn sqlmigrate shop 0002", "BEGIN;", "COMMIT;",
        "$ cairn migrate", "Applying shop.0002_product_stock... OK",
        "1 | Teapot | 24.5 | 0",
        "$ cairn showmigrations", "[X] 0002_product_stock",
        "$ cairn migrate shop 0001", "Unapplying shop.0002_product_stock... OK",
        "$ cairn showmigrations", "[ ] 0002_product_stock",
        "1 | Teapot | 24.5",
        "The project is in " + folder.resolve("demo"));
    assertThat(r.err()).isEmpty();
  }
}
