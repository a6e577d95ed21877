package dev.cairn.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SqlStatementSplitterTest {
  @Test void statementsAreSplitAtSemicolonsAndTrimmedWithoutTheSemicolon() {
    assertThat(SqlStatementSplitter.split("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);"))
        .containsExactly("INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)");
    assertThat(SqlStatementSplitter.split("UPDATE t SET a = 1;\nDELETE FROM t"))
        .containsExactly("UPDATE t SET a = 1", "DELETE FROM t");
  }

  @Test void oneStatementWithoutASemicolonIsKeptAsItIs() {
    assertThat(SqlStatementSplitter.split("SELECT 1")).containsExactly("SELECT 1");
  }

  @Test void emptyStatementsAndOnesOfOnlyCommentsAreDropped() {
    assertThat(SqlStatementSplitter.split(" ;; SELECT 1;;\n ; -- the end\n/* really */ ;"))
        .containsExactly("SELECT 1");
    assertThat(SqlStatementSplitter.split("  ")).isEmpty();
    assertThat(SqlStatementSplitter.split("-- nothing; at all")).isEmpty();
  }

  @Test void aSemicolonInAStringWithDoubledQuotesDoesNotSplit() {
    assertThat(SqlStatementSplitter.split("INSERT INTO t VALUES ('it''s; fine', ';'); SELECT ';'"))
        .containsExactly("INSERT INTO t VALUES ('it''s; fine', ';')", "SELECT ';'");
  }

  @Test void aBackslashEscapedQuoteInAnEStringDoesNotEndIt() {
    assertThat(SqlStatementSplitter.split("SELECT E'a\\'; b'; SELECT 'c\\'; SELECT 2"))
        .containsExactly("SELECT E'a\\'; b'", "SELECT 'c\\'", "SELECT 2");
  }

  @Test void aSemicolonInAQuotedIdentifierDoesNotSplit() {
    assertThat(SqlStatementSplitter.split("CREATE TABLE \"a;\"\"b\" (x int); SELECT `c;d` FROM x"))
        .containsExactly("CREATE TABLE \"a;\"\"b\" (x int)", "SELECT `c;d` FROM x");
  }

  @Test void aSemicolonInACommentDoesNotSplitAndTheCommentsBeforeAStatementStayWithIt() {
    assertThat(SqlStatementSplitter.split("-- one; two\nSELECT /* a; b */ 1; SELECT 2"))
        .containsExactly("-- one; two\nSELECT /* a; b */ 1", "SELECT 2");
  }

  @Test void commentsAfterAStatementsLastTokenAreDroppedSoThatNoSemicolonFollowsThem() {
    assertThat(SqlStatementSplitter.split("SELECT 1 /* a; b */; SELECT 2 -- x; y"))
        .containsExactly("SELECT 1", "SELECT 2");
  }

  @Test void quotesInsideCommentsAndCommentMarksInsideStringsAreText() {
    assertThat(SqlStatementSplitter.split("SELECT 1 -- it's\n; SELECT '--'; SELECT '/*'; SELECT 4"))
        .containsExactly("SELECT 1", "SELECT '--'", "SELECT '/*'", "SELECT 4");
  }

  @Test void aDollarQuotedBodyIsOneStatement() {
    String function = """
        CREATE FUNCTION f() RETURNS trigger AS $$
        BEGIN
          UPDATE t SET a = 'x;'; RETURN NEW;
        END;
        $$ LANGUAGE plpgsql""";
    assertThat(SqlStatementSplitter.split(function + ";\nSELECT f()"))
        .containsExactly(function, "SELECT f()");
  }

  @Test void aTaggedDollarQuoteEndsOnlyAtTheSameTag() {
    String function = "CREATE FUNCTION g() RETURNS text AS $body$ SELECT $$;$$; $x$ $body$"
        + " LANGUAGE sql";
    assertThat(SqlStatementSplitter.split(function + "; SELECT $1, a$b FROM t; SELECT 2"))
        .containsExactly(function, "SELECT $1, a$b FROM t", "SELECT 2");
  }

  @Test void aSqliteTriggerBodyIsOneStatement() {
    String trigger = """
        CREATE TRIGGER shop_log AFTER INSERT ON shop_tag
        BEGIN
          INSERT INTO shop_audit (name) VALUES (NEW.name);
          UPDATE shop_tag SET name = CASE WHEN name = 'a' THEN 'b' ELSE name END;
        END""";
    assertThat(SqlStatementSplitter.split(trigger + "; INSERT INTO shop_tag (name) VALUES ('a');"))
        .containsExactly(trigger, "INSERT INTO shop_tag (name) VALUES ('a')");
    String temporary = "create temp trigger if not exists x before delete on t begin select 1; end";
    assertThat(SqlStatementSplitter.split(temporary + ";select 2"))
        .containsExactly(temporary, "select 2");
  }

  @Test void beginOutsideACreateIsATransactionStatementOfItsOwn() {
    assertThat(SqlStatementSplitter.split("BEGIN; SELECT 1; END; SELECT 2"))
        .containsExactly("BEGIN", "SELECT 1", "END", "SELECT 2");
  }

  @Test void wordsThatOnlyContainBeginOrEndDoNotOpenOrCloseABody() {
    String trigger = "CREATE TRIGGER x AFTER INSERT ON t BEGIN UPDATE t SET began = 1, ending = 2;"
        + " END";
    assertThat(SqlStatementSplitter.split(trigger + "; SELECT 1"))
        .containsExactly(trigger, "SELECT 1");
  }

  @Test void aPostgresAtomicFunctionBodyIsOneStatement() {
    String function = "CREATE OR REPLACE FUNCTION h() RETURNS int LANGUAGE sql"
        + " BEGIN ATOMIC SELECT 1; SELECT 2; END";
    assertThat(SqlStatementSplitter.split(function + "; SELECT h()"))
        .containsExactly(function, "SELECT h()");
  }

  @Test void anUnterminatedStringRunsToTheEndAndIsLeftForTheDatabaseToRefuse() {
    assertThat(SqlStatementSplitter.split("SELECT 1; SELECT 'a; b"))
        .containsExactly("SELECT 1", "SELECT 'a; b");
    assertThat(SqlStatementSplitter.split("SELECT 1; SELECT \"a; b"))
        .containsExactly("SELECT 1", "SELECT \"a; b");
    assertThat(SqlStatementSplitter.split("SELECT $$a; b")).containsExactly("SELECT $$a; b");
  }
}
