package dev.cairn.dialect.h2;

import java.sql.Connection;
import java.sql.DriverManager;

/** Takes the migration lock of the H2 database at {@code args[0]}, says so, and waits to die. */
final class H2LockHolder {
  private H2LockHolder() {}

  public static void main(String[] args) throws Exception {
    Connection c = DriverManager.getConnection(args[0]);
    new H2Dialect(args[0]).lock(c);
    System.out.println("locked");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
