package dev.cairn.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.schema.Dialect;
import dev.cairn.schema.Feature;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.testing.OperationHarness;
import dev.cairn.testing.Shop;
import org.junit.jupiter.api.Assumptions;

/**
 * What each part of {@link OperationsContract} works on: the database of the current test, through
 * the harness and the shop. {@link OperationsContract} implements it; the parts are interfaces so
 * that one dialect subclass runs all of them.
 */
interface OperationsFixture {
  /** The harness over this test's empty database. */
  OperationHarness h();

  /** The shop models, rows and dialect-neutral SQL on this test's database. */
  Shop shop();

  /** The dialect, connected to this test's database (so with its server's version). */
  default Dialect dialect() {
    return h().dialect();
  }

  /** Skips the test unless the server has {@code feature}, as Django's skipUnlessDBFeature. */
  default void assumeFeature(Feature feature) {
    Assumptions.assumeTrue(dialect().features().has(feature),
        () -> dialect().name() + " " + dialect().version() + " has no " + feature);
  }

  /**
   * Every review still points at a product of {@code productTable}: the database's own integrity
   * check passes (SQLite's foreign keys are off while operations run), and a join on the key finds
   * every review.
   */
  default void assertReviewsPointAt(String productTable) throws Exception {
    dialect().checkIntegrity(h().connection());
    assertThat(shop().foreignKeys("shop_review")).containsExactly(
        new SchemaSnapshot.ForeignKey("product_id", productTable, "id"));
    assertThat(shop().count("SELECT count(*) FROM {shop_review} {r} JOIN {" + productTable + "} {p}"
        + " ON {p}.{id} = {r}.{product_id}")).isEqualTo(shop().count("SELECT count(*) FROM {shop_review}"));
  }

  /** {@code identifier} quoted by the dialect, for SQL that models and checks hold. */
  default String q(String identifier) {
    return dialect().quote(identifier);
  }
}
