package dev.cairn.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Liquibase through its command API, on a formatted-SQL changelog. */
final class LiquibaseTool implements Tool {
  /** Kept strongly reachable: java.util.logging holds loggers weakly and would forget the level. */
  private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

  static {
    // The Liquibase command line logs nothing by default (--log-level OFF); its API logs INFO.
    LIQUIBASE_LOG.setLevel(Level.WARNING);
  }

  private final Path changelog;

  LiquibaseTool(Path changelog) {
    this.changelog = changelog;
  }

  @Override public String name() {
    return "Liquibase";
  }

  private String run(String command, String url, Map<String, Object> args) throws Exception {
    Map<String, Object> scope = new HashMap<>();
    scope.put(Scope.Attr.resourceAccessor.name(),
        new DirectoryResourceAccessor(changelog.toAbsolutePath().getParent()));
    scope.put(Scope.Attr.ui.name(), new LoggerUIService());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Scope.child(scope, () -> {
      CommandScope cmd = new CommandScope(command)
          .addArgumentValue("changelogFile", changelog.getFileName().toString())
          .addArgumentValue("url", url);
      args.forEach(cmd::addArgumentValue);
      cmd.setOutput((OutputStream) out);
      cmd.execute();
    });
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override public void migrate(String url) throws Exception {
    run("update", url, Map.of());
  }

  @Override public String status(String url) throws Exception {
    return run("status", url, Map.of("verbose", true));
  }

  @Override public boolean canRollBack() {
    return true;
  }

  @Override public void rollback(String url, int count) throws Exception {
    run("rollbackCount", url, Map.of("count", count));
  }
}
