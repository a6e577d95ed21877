package dev.cairn.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.schema.SqlIdentifiers.Identifier;
import org.junit.jupiter.api.Test;

final class SqlIdentifiersTest {
  @Test void identifiersAreWordsOutsideStringsAndQuotedNames() {
    assertThat(SqlIdentifiers.of(
        "length(\"Name\") > 2 AND note <> 'it''s price' AND `a``b` = 1.5e3 AND t.Cost>0"))
        .extracting(Identifier::name).containsExactly("length", "Name", "AND", "note", "AND",
            "a`b", "AND", "t", "Cost");
  }

  @Test void onlyNamesWhereAColumnStandsAreInColumnPosition() {
    assertThat(SqlIdentifiers.of("\"lower\"(\"code\") COLLATE \"NOCASE\" = 'x'"
        + " AND CAST(\"n\" AS \"INTEGER\") > 0 AND \"s\".\"f\"(1) AND \"k\"::\"char\" = 'a'"))
        .filteredOn(Identifier::quoted).filteredOn(Identifier::isColumnPosition)
        .extracting(Identifier::name).containsExactly("code", "n", "k");
  }
}
