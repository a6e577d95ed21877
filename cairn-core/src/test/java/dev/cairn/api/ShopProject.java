package dev.cairn.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small project in a folder: app {@code shop}, a product table and then its stock column. */
final class ShopProject {
  static final String INITIAL = """
      initial: true
      operations:
        - CreateModel:
            name: Product
            fields:
              id: {type: BigAutoField, primary_key: true}
              name: {type: CharField, max_length: 100}
      """;
  static final String STOCK = """
      dependencies:
        - shop.0001_initial
      operations:
        - AddField:
            model_name: product
            name: stock
            field: {type: IntegerField, default: 0}
      """;
  /** The models as the two migrations leave them, plus a price. */
  static final String MODELS_WITH_PRICE = """
      app: shop
      models:
        Product:
          fields:
            name: {type: CharField, max_length: 100}
            stock: {type: IntegerField, default: 0}
            price: {type: DecimalField, max_digits: 8, decimal_places: 2, null: true}
      """;

  private ShopProject() {}

  /** Writes cairn.yaml (with {@code database:} when not null), the models and both migrations. */
  static Path create(Path folder, String database) {
    write(folder.resolve("cairn.yaml"), (database == null ? "" : "database: " + database + "\n")
        + "apps:\n  shop:\n    models: models/shop.yaml\n    migrations: migrations/shop\n");
    write(folder.resolve("models/shop.yaml"), MODELS_WITH_PRICE);
    write(folder.resolve("migrations/shop/0001_initial.yaml"), INITIAL);
    write(folder.resolve("migrations/shop/0002_product_stock.yaml"), STOCK);
    return folder.resolve("cairn.yaml");
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
