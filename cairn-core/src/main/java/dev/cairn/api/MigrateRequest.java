package dev.cairn.api;

import static java.util.Objects.requireNonNull;

import dev.cairn.execute.Target;
import java.util.List;

/**
 * What {@link Cairn#migrate} and {@link Cairn#plan} are asked to do: where to take the apps, and
 * how. Immutable; start from {@link #all()} or {@link #to}, change with the {@code with} methods.
 *
 * @param targets where to take each app named; empty: every app to its latest migration
 * @param fake record (or remove) history rows without running any SQL
 * @param fakeInitial record an initial migration as applied when its tables and columns exist
 * @param ignoreChecksums go on although an applied migration's file changed since it ran
 */
public record MigrateRequest(List<Target> targets, boolean fake, boolean fakeInitial,
    boolean ignoreChecksums) {
  public MigrateRequest {
    targets = List.copyOf(requireNonNull(targets, "targets == null"));
  }

  /** Every app to its latest migration. */
  public static MigrateRequest all() {
    return new MigrateRequest(List.of(), false, false, false);
  }

  /** The apps named to the migrations named ({@link Target#ZERO} unapplies an app). */
  public static MigrateRequest to(Target... targets) {
    return new MigrateRequest(List.of(targets), false, false, false);
  }

  public MigrateRequest withFake(boolean fake) {
    return new MigrateRequest(targets, fake, fakeInitial, ignoreChecksums);
  }

  public MigrateRequest withFakeInitial(boolean fakeInitial) {
    return new MigrateRequest(targets, fake, fakeInitial, ignoreChecksums);
  }

  public MigrateRequest withIgnoreChecksums(boolean ignoreChecksums) {
    return new MigrateRequest(targets, fake, fakeInitial, ignoreChecksums);
  }
}
