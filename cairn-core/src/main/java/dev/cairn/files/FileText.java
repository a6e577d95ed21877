package dev.cairn.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file a person wrote, read as UTF-8 text, with its bytes for checksums. Every reader reports a
 * missing, unreadable or non-UTF-8 file the same way: in words, not with an exception's class name.
 * Immutable.
 */
public record FileText(byte[] bytes, String text) {
  /**
   * Reads {@code file}.
   *
   * @param errors makes the reader's exception type
   * @param missingHint what to do when there is no such file, or {@code null}
   */
  public static FileText read(Path file, InputException.Factory errors, String missingHint) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw errors.create(file, 0, "no such file", missingHint, e);
    } catch (AccessDeniedException e) {
      throw errors.create(file, 0, "permission denied", "let the user running cairn read it", e);
    } catch (IOException e) {
      String why = Files.isDirectory(file) ? "a folder, not a file" : String.valueOf(e.getMessage());
      throw errors.create(file, 0, "cannot read the file: " + why, missingHint, e);
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return new FileText(bytes, text);
    } catch (CharacterCodingException e) {
      throw errors.create(file, 0, "the file is not UTF-8", "save it as UTF-8", e);
    }
  }
}
