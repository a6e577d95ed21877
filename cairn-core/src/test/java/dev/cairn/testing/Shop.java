package dev.cairn.testing;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.decimal;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.manyToMany;

import dev.cairn.operations.CreateModel;
import dev.cairn.operations.Operation;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small shop that operation tests start from (Category, Tag, Product with its tags, Review
 * pointing at Product), its rows, and SQL about it written once for every dialect: {@code {name}}
 * in a statement is an identifier, quoted by the dialect, so that {@code
 * "UPDATE {shop_product} SET {stock} = NULL"} runs on each database as it spells names.
 */
public final class Shop {
  public static final String APP = "shop";
  public static final CreateModel CATEGORY =
      createModel("Category", "id", id(), "name", chars(50).unique(true));
  public static final CreateModel TAG = createModel("Tag", "id", id(), "name", chars(30));
  public static final CreateModel PRODUCT = createModel("Product",
      "id", id(),
      "name", chars(100),
      "price", decimal(8, 2),
      "stock", integer().nullable(true),
      "category", foreignKey("shop.Category").nullable(true),
      "tags", manyToMany("shop.Tag"));
  /** Points at Product from another table, so every change of Product must keep it working. */
  public static final CreateModel REVIEW = createModel("Review",
      "id", id(), "product", foreignKey("shop.Product"), "body", chars(50));
  private static final List<Operation> MODELS = List.of(CATEGORY, TAG, PRODUCT, REVIEW);
  private static final Pattern IDENTIFIER = Pattern.compile("\\{([^{}]+)}");

  private final OperationHarness h;

  public Shop(OperationHarness h) {
    this.h = h;
  }

  /**
   * The shop's state, creating its tables first on an empty database (checked once, at the end:
   * each CreateModel has its own checks elsewhere).
   */
  public ProjectState base() throws Exception {
    if (!h.introspect().tables().isEmpty()) return baseState();
    ProjectState s = ProjectState.empty();
    for (Operation op : MODELS) s = h.forwardsUnchecked(s, op);
    h.assertSchema(s, "after creating the shop");
    return s;
  }

  /** The state of {@link #base()}, without the database. */
  public static ProjectState baseState() {
    ProjectState s = ProjectState.empty();
    for (Operation op : MODELS) s = op.stateForwards(APP, s);
    return s;
  }

  /**
   * One category ('office'), two tags ('blue', 'red'), two products in it ('pen' 1.50 with stock
   * 3, 'ink' 9.99 with stock 4), each tagged 'blue' and reviewed ('good pen', 'good ink').
   */
  public void insertProducts() throws SQLException {
    execute("INSERT INTO {shop_category} ({name}) VALUES ('office')");
    execute("INSERT INTO {shop_tag} ({name}) VALUES ('blue')");
    execute("INSERT INTO {shop_tag} ({name}) VALUES ('red')");
    for (String product : List.of("'pen', 1.50, 3", "'ink', 9.99, 4")) {
      execute("INSERT INTO {shop_product} ({name}, {price}, {stock}, {category_id})"
          + " SELECT " + product + ", {id} FROM {shop_category}");
    }
    execute("INSERT INTO {shop_product_tags} ({product_id}, {tag_id}) SELECT {p}.{id}, {t}.{id}"
        + " FROM {shop_product} {p} JOIN {shop_tag} {t} ON {t}.{name} = 'blue'");
    execute("INSERT INTO {shop_review} ({product_id}, {body}) SELECT {id}, 'good pen'"
        + " FROM {shop_product} WHERE {name} = 'pen'");
    execute("INSERT INTO {shop_review} ({product_id}, {body}) SELECT {id}, 'good ink'"
        + " FROM {shop_product} WHERE {name} = 'ink'");
  }

  /** {@code sql} with each {@code {name}} quoted by the dialect. */
  public String sql(String template) {
    Matcher m = IDENTIFIER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(h.dialect().quote(m.group(1))));
    m.appendTail(out);
    return out.toString();
  }

  /** Runs one statement of {@link #sql} in auto-commit mode. */
  public void execute(String template) throws SQLException {
    h.execute(sql(template));
  }

  /** The rows of a query of {@link #sql}, each value as {@link TableRows#text} gives it. */
  public List<List<String>> rows(String template) throws SQLException {
    return h.rows(sql(template)).stream()
        .map(r -> r.stream().map(TableRows::text).toList()).toList();
  }

  /** The first value of each row of a query of {@link #sql}, as text. */
  public List<String> strings(String template) throws SQLException {
    return rows(template).stream().map(r -> r.get(0)).toList();
  }

  /** The single number a query such as {@code SELECT count(*) ...} returns. */
  public long count(String template) throws SQLException {
    return Long.parseLong(strings(template).get(0));
  }

  public Set<SchemaSnapshot.ForeignKey> foreignKeys(String table) throws SQLException {
    return h.introspect().tables().get(table).foreignKeys();
  }

  public Dialect dialect() {
    return h.dialect();
  }
}
