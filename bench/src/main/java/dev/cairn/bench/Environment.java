package dev.cairn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import liquibase.util.LiquibaseUtil;

/** The machine and the versions a benchmark ran with, for the header of its tables. */
record Environment(String cpu, int cores, long memoryGb, String java, Server server,
    String serverVersion, String flyway, String liquibase, String jdbc) {
  /** Flyway's and Liquibase's whole-process runs get the flags of Cairn's launcher. */
  static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-XX:CICompilerCount=1", "-Xshare:auto", "-Dliquibase.analytics.enabled=false");

  static Environment read(Server server) throws IOException, SQLException {
    String cpu = "unknown";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        cpu = line.substring(line.indexOf(':') + 1).trim();
        break;
      }
    }
    long memKb = 0;
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    return new Environment(cpu, Runtime.getRuntime().availableProcessors(),
        Math.round(memKb / 1024.0 / 1024.0), System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version"), server, server.version(),
        pomVersion("org.flywaydb", "flyway-core"), LiquibaseUtil.getBuildVersion(),
        server.driverVersion());
  }

  private static String pomVersion(String group, String artifact) throws IOException {
    try (InputStream in = Environment.class.getResourceAsStream(
        "/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    }
  }

  static Path jar() throws URISyntaxException {
    return Path.of(Environment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  String markdown(int rounds) {
    return String.format("Machine: %s, %d cores, %d GB; %s; %s %s (127.0.0.1, local);"
        + " Flyway %s (flyway-core + %s), Liquibase %s, %s JDBC %s;"
        + " %s. Medians of %d interleaved rounds. Whole process: `/usr/bin/time -f \"%%e %%M\"`"
        + " (wall, peak RSS); Cairn is `./cairn` (its launcher and AppCDS archive), Flyway and"
        + " Liquibase are `java %s -cp cairn-bench.jar ...Main`. In process: the same work through"
        + " each tool's Java API in one warmed-up JVM (one discarded warm-up round).%n",
        cpu, cores, memoryGb, java, server.title, serverVersion, flyway, server.flywayPlugin,
        liquibase, server.title, jdbc, LocalDate.now(), rounds,
        String.join(" ", JVM_FLAGS));
  }
}
