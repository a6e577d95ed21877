package dev.cairn.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dialect.Dialects;
import dev.cairn.schema.Feature;
import dev.cairn.schema.ServerVersion;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.testing.MariaDbTestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class MysqlDialectTest {
  @RegisterExtension static final MariaDbTestDatabase db = new MariaDbTestDatabase();

  private static final MysqlDialect MYSQL_8_0_11 = mysql(8, 0, 11);
  private static final MysqlDialect MYSQL_8_0 = mysql(8, 0, 36);
  private static final MysqlDialect MARIADB_10_4 = mariaDb(10, 4, 0);
  private static final MysqlDialect MARIADB_10_6 = mariaDb(10, 6, 0);

  @Test void mariaDbAndMysqlUrlsGetThisDialectForTheirProduct() {
    assertThat(Dialects.forUrl("jdbc:mariadb://127.0.0.1:3306/shop").version())
        .isEqualTo(MysqlDialect.MARIADB_OFFLINE_DEFAULT);
    assertThat(Dialects.forUrl("jdbc:mysql://127.0.0.1:3306/shop").version())
        .isEqualTo(MysqlDialect.MYSQL_OFFLINE_DEFAULT);
  }

  @Test void productNamesPickTheProduct() {
    assertThat(Dialects.forProductName("MariaDB").name()).isEqualTo("mariadb");
    assertThat(Dialects.forProductName("MySQL").name()).isEqualTo("mysql");
  }

  @Test void aConnectionTellsTheServersProductAndVersion() throws Exception {
    try (Connection c = db.connect()) {
      var version = Dialects.forUrl("jdbc:mysql://x/y").connectedTo(c).version();
      assertThat(version.product()).isEqualTo("mariadb");
      assertThat(version.atLeast(10, 6)).isTrue();
    }
  }

  @Test void aMysqlUrlIsServedByTheMariaDbDriver() throws Exception {
    String url = db.url().replace("jdbc:mariadb:", "jdbc:mysql:");
    try (var opened = dev.cairn.connect.Database.open(url)) {
      assertThat(opened.dialect().version().product()).isEqualTo("mariadb");
    }
    assertThat(MYSQL_8_0.driverUrl("jdbc:mysql://h/d")).isEqualTo("jdbc:mysql://h/d?permitMysqlScheme");
    assertThat(MYSQL_8_0.driverUrl("jdbc:mysql://h/d?user=u"))
        .isEqualTo("jdbc:mysql://h/d?user=u&permitMysqlScheme");
    assertThat(MYSQL_8_0.driverUrl("jdbc:mariadb://h/d")).isEqualTo("jdbc:mariadb://h/d");
  }

  @Test void noVersionHasTransactionalDdlDeferrableKeysOrPartialIndexes() {
    for (MysqlDialect d : new MysqlDialect[] {MYSQL_8_0, MARIADB_10_6}) {
      assertThat(d.features().has(Feature.TRANSACTIONAL_DDL)).isFalse();
      assertThat(d.features().has(Feature.DEFERRABLE_CONSTRAINTS)).isFalse();
      assertThat(d.features().has(Feature.PARTIAL_INDEXES)).isFalse();
      assertThat(d.features().has(Feature.RENAME_CONSTRAINT)).isFalse();
      assertThat(d.features().maxIdentifierLength()).isEqualTo(64);
    }
  }

  @Test void checkConstraintsFromMysql8016AndMariaDb1021() {
    assertThat(mysql(8, 0, 15).features().has(Feature.CHECK_CONSTRAINTS)).isFalse();
    assertThat(mysql(8, 0, 16).features().has(Feature.CHECK_CONSTRAINTS)).isTrue();
    assertThat(mariaDb(10, 2, 0).features().has(Feature.CHECK_CONSTRAINTS)).isFalse();
    assertThat(mariaDb(10, 2, 1).features().has(Feature.CHECK_CONSTRAINTS)).isTrue();
  }

  @Test void renameColumnFromMysql80AndMariaDb1052() {
    assertThat(MYSQL_8_0_11.features().has(Feature.RENAME_COLUMN)).isTrue();
    assertThat(mariaDb(10, 5, 1).features().has(Feature.RENAME_COLUMN)).isFalse();
    assertThat(mariaDb(10, 5, 2).features().has(Feature.RENAME_COLUMN)).isTrue();
    assertThat(MARIADB_10_4.features().has(Feature.RENAME_INDEX)).isFalse();
    assertThat(MYSQL_8_0_11.features().has(Feature.RENAME_INDEX)).isTrue();
  }

  @Test void instantAddColumnFromMysql8012AndMariaDb1032() {
    assertThat(MYSQL_8_0_11.features().has(Feature.INSTANT_ADD_COLUMN)).isFalse();
    assertThat(mysql(8, 0, 12).features().has(Feature.INSTANT_ADD_COLUMN)).isTrue();
    assertThat(mariaDb(10, 3, 1).features().has(Feature.INSTANT_ADD_COLUMN)).isFalse();
    assertThat(mariaDb(10, 3, 2).features().has(Feature.INSTANT_ADD_COLUMN)).isTrue();
    assertThat(mysql(8, 0, 28).server().hasInstantDropColumn()).isFalse();
    assertThat(mysql(8, 0, 29).server().hasInstantDropColumn()).isTrue();
  }

  @Test void typesAreDjangosMysqlTypes() {
    assertThat(MYSQL_8_0.columnType(Field.of(FieldType.BIG_AUTO).build()))
        .isEqualTo("bigint AUTO_INCREMENT");
    assertThat(MYSQL_8_0.columnType(Field.of(FieldType.CHAR).maxLength(100).build()))
        .isEqualTo("varchar(100)");
    assertThat(MYSQL_8_0.columnType(Field.of(FieldType.TEXT).build())).isEqualTo("longtext");
    assertThat(MYSQL_8_0.columnType(Field.of(FieldType.DATE_TIME).build())).isEqualTo("datetime(6)");
    assertThat(MYSQL_8_0.columnType(Field.of(FieldType.TIME).build())).isEqualTo("time(6)");
    assertThat(MYSQL_8_0.columnType(Field.of(FieldType.UUID).build())).isEqualTo("char(32)");
    assertThat(MYSQL_8_0.columnType(Field.of(FieldType.BOOLEAN).build())).isEqualTo("bool");
    assertThat(MYSQL_8_0.columnType(Field.of(FieldType.DECIMAL).maxDigits(10).decimalPlaces(2)
        .build())).isEqualTo("numeric(10, 2)");
    assertThat(MYSQL_8_0.columnType(Field.of(FieldType.FLOAT).build())).isEqualTo("double precision");
    assertThat(MYSQL_8_0.columnType(Field.of(FieldType.POSITIVE_INTEGER).build()))
        .isEqualTo("integer UNSIGNED");
  }

  @Test void jsonIsNativeOnMysqlAndLongtextOnMariaDb() {
    Field json = Field.of(FieldType.JSON).build();
    assertThat(MYSQL_8_0.columnType(json)).isEqualTo("json");
    assertThat(MYSQL_8_0.introspectedType(json)).isEqualTo("json");
    assertThat(MARIADB_10_6.columnType(json)).isEqualTo("json");
    assertThat(MARIADB_10_6.introspectedType(json)).isEqualTo("longtext");
  }

  @Test void introspectedTypesAreTheServersSpelling() {
    assertThat(MYSQL_8_0.introspectedType(Field.of(FieldType.AUTO).build())).isEqualTo("int");
    assertThat(MYSQL_8_0.introspectedType(Field.of(FieldType.BOOLEAN).build()))
        .isEqualTo("tinyint(1)");
    assertThat(MYSQL_8_0.introspectedType(Field.of(FieldType.DECIMAL).maxDigits(10)
        .decimalPlaces(2).build())).isEqualTo("decimal(10,2)");
    assertThat(MYSQL_8_0.introspectedType(Field.of(FieldType.POSITIVE_SMALL_INTEGER).build()))
        .isEqualTo("smallint unsigned");
    assertThat(MysqlTypes.normalized("int(10) unsigned")).isEqualTo("int unsigned");
    assertThat(MysqlTypes.normalized("bigint(20)")).isEqualTo("bigint");
    assertThat(MysqlTypes.normalized("tinyint(1)")).isEqualTo("tinyint(1)");
  }

  @Test void identifiersAreQuotedWithBackticks() {
    assertThat(MYSQL_8_0.quote("order")).isEqualTo("`order`");
    assertThat(MYSQL_8_0.quote("a`b")).isEqualTo("`a``b`");
  }

  @Test void stringLiteralsEscapeBackslashesAndQuotes() {
    assertThat(MYSQL_8_0.literal("it's C:\\dir")).isEqualTo("'it''s C:\\\\dir'");
    assertThat(MYSQL_8_0.literal(true)).isEqualTo("TRUE");
    assertThat(MYSQL_8_0.literal(1.5)).isEqualTo("1.5");
  }

  @Test void aLiteralReadsBackAsTheStringItRenders() throws Exception {
    String tricky = "back\\slash, 'quote', \\' and \\\\n";
    try (Connection c = db.connect(); var s = c.createStatement()) {
      db.dialect().beforeMigrations(c);
      try (var rs = s.executeQuery("SELECT " + db.dialect().literal(tricky))) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(tricky);
      }
    }
  }

  @Test void theMigrateSessionIsStrictAndReadsBackslashesAsEscapes() throws Exception {
    try (Connection c = db.connect(); var s = c.createStatement()) {
      s.execute("SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'");
      db.dialect().beforeMigrations(c);
      try (var rs = s.executeQuery("SELECT @@SESSION.sql_mode")) {
        rs.next();
        assertThat(rs.getString(1)).contains("STRICT_TRANS_TABLES")
            .doesNotContain("NO_BACKSLASH_ESCAPES");
      }
    }
  }

  private static MysqlDialect mysql(int major, int minor, int patch) {
    return new MysqlDialect(new ServerVersion("mysql", major, minor, patch));
  }

  private static MysqlDialect mariaDb(int major, int minor, int patch) {
    return new MysqlDialect(new ServerVersion("mariadb", major, minor, patch));
  }
}
