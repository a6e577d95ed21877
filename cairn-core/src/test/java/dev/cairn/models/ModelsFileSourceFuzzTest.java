package dev.cairn.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cairn.state.ProjectState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated models files either load or fail with a {@link ModelsFileException} that points into
 * one of the files, never with anything else, and never with the catch-all for a missed check.
 */
final class ModelsFileSourceFuzzTest {
  private static final String CHARS = " :-#{}[],'\"|>\n\tab0._&*!%@`\\é";
  private static final String BLOG = """
      app: blog
      models:
        Post:
          fields:
            slug: {type: SlugField, unique: true}
            product: {type: ForeignKey, to: shop.product, on_delete: PROTECT, db_index: false}
            tags: {type: ManyToManyField, to: Tag, through: PostTag}
            parent: {type: ForeignKey, to: self, null: true, on_delete: SET_NULL}
          indexes:
            - {name: blog_post_slug_idx, fields: [slug], condition: "slug <> ''"}
        Tag:
          fields:
            code: {type: CharField, max_length: 10, primary_key: true}
        PostTag:
          fields:
            post: {type: ForeignKey, to: Post, on_delete: CASCADE}
            tag: {type: ForeignKey, to: blog.Tag, to_field: code, on_delete: CASCADE}
          constraints:
            - {type: UniqueConstraint, name: blog_posttag_uniq, fields: [post, tag]}
      """;

  @TempDir Path dir;

  @Test void mutatedFilesLoadOrFailWithAModelsFileExceptionInOneOfThem() throws IOException {
    Random random = new Random(20261123);
    Path shop = dir.resolve("shop.yaml");
    Path blog = dir.resolve("blog.yaml");
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("shop", shop);
    files.put("blog", blog);
    ModelsFileSource source = new ModelsFileSource(files);
    Files.writeString(shop, ModelsFileSourceTest.DESIGN_EXAMPLE);
    Files.writeString(blog, BLOG);
    assertThat(source.load().models()).hasSize(5);
    int loaded = 0;
    int rejected = 0;
    for (int i = 0; i < 2000; i++) {
      boolean mutateShop = random.nextBoolean();
      String shopText = mutateShop
          ? mutate(ModelsFileSourceTest.DESIGN_EXAMPLE, random) : ModelsFileSourceTest.DESIGN_EXAMPLE;
      String blogText = mutateShop ? BLOG : mutate(BLOG, random);
      Files.writeString(shop, shopText);
      Files.writeString(blog, blogText);
      try {
        ProjectState state = source.load();
        assertThat(state.models()).isNotEmpty();
        loaded++;
      } catch (ModelsFileException e) {
        assertThat(e.path()).isIn(shop, blog);
        String text = e.path().equals(shop) ? shopText : blogText;
        assertThat(e.line()).as(e.getMessage()).isBetween(0, (int) text.lines().count() + 1);
        assertThat(e.problem()).as("a check was missed: %s\nfor:\n%s", e.getMessage(), text)
            .doesNotStartWith("cannot read the models:");
        rejected++;
      } catch (RuntimeException | StackOverflowError e) {
        fail("mutation " + i + " threw " + e + " for:\n" + shopText + "\n---\n" + blogText, e);
      }
    }
    assertThat(loaded).isPositive();
    assertThat(rejected).isPositive();
  }

  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    for (int t = 1 + random.nextInt(3); t > 0; t--) {
      int i = random.nextInt(lines.size());
      switch (random.nextInt(4)) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, lines.get(i));
        case 2 -> {
          String line = lines.get(i);
          int at = random.nextInt(line.length() + 1);
          char c = CHARS.charAt(random.nextInt(CHARS.length()));
          lines.set(i, line.substring(0, at) + c + line.substring(Math.min(line.length(), at + 1)));
        }
        default -> {
          String line = lines.get(i);
          if (!line.isEmpty()) {
            int at = random.nextInt(line.length());
            lines.set(i, line.substring(0, at) + line.substring(at + 1));
          }
        }
      }
      if (lines.isEmpty()) lines.add("");
    }
    return String.join("\n", lines);
  }
}
