package dev.vpnbot.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The size rules of issue 13, read off the sources of every module's main code: no file over
 * {@value #MAX_FILE_LINES} lines and no method or constructor over {@value #MAX_METHOD_LINES}
 * (from its declaration to its closing brace). Code the next engineer reads in one sitting.
 */
class SourceSizeTest {
    static final int MAX_FILE_LINES = 350;
    static final int MAX_METHOD_LINES = 60;
    /** A declaration line that opens a body: modifiers or a type, a name, parameters, maybe throws, then '{'. */
    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s*(public |private |protected |static |final |synchronized |default |abstract |<)[^;=]*\\)\\s*(throws [\\w., ]+)?\\s*\\{\\s*$");
    private static final Pattern TYPE = Pattern.compile("\\b(class|record|interface|enum)\\s+\\w+");

    @Test
    void no_main_file_is_over_350_lines() {
        List<String> over = new ArrayList<>();
        for (Path file : mainSources()) {
            int lines = read(file).size();
            if (lines > MAX_FILE_LINES) over.add(file + ": " + lines + " lines");
        }
        assertThat(over).as("main source files over %d lines", MAX_FILE_LINES).isEmpty();
    }

    @Test
    void no_main_method_is_over_60_lines() {
        List<String> over = new ArrayList<>();
        for (Path file : mainSources()) over.addAll(longMethods(file.toString(), read(file)));
        assertThat(over).as("methods over %d lines", MAX_METHOD_LINES).isEmpty();
    }

    @Test
    void the_method_rule_sees_a_long_method_and_not_a_short_one() {
        List<String> longOne = new ArrayList<>(List.of("class A {", "    public void run(int a) {"));
        for (int i = 0; i < MAX_METHOD_LINES; i++) longOne.add("        a++; // {");
        longOne.addAll(List.of("    }", "    private int shortOne() {", "        return \"}\".length();", "    }", "}"));

        assertThat(longMethods("A.java", longOne)).singleElement().asString().contains("A.java:2", "62 lines");
    }

    static List<String> longMethods(String name, List<String> lines) {
        List<String> over = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!DECLARATION.matcher(line).matches() || TYPE.matcher(line).find() || line.contains(" new ")) continue;
            int depth = 0;
            int end = i;
            for (int j = i; j < lines.size(); j++) {
                String code = withoutStringsAndComments(lines.get(j));
                depth += count(code, '{') - count(code, '}');
                end = j;
                if (depth == 0) break;
            }
            int length = end - i + 1;
            if (length > MAX_METHOD_LINES) over.add(name + ":" + (i + 1) + " " + line.strip() + " (" + length + " lines)");
        }
        return over;
    }

    private static String withoutStringsAndComments(String line) {
        String code = line.replaceAll("\"([^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("'([^'\\\\]|\\\\.)*'", "''");
        int comment = code.indexOf("//");
        return comment < 0 ? code : code.substring(0, comment);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    /** Every module's src/main/java, from bootstrap's directory (where Maven runs its tests). */
    private static List<Path> mainSources() {
        Path root = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> modules = Files.list(root)) {
            List<Path> sources = new ArrayList<>();
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                }
            }
            assertThat(sources).as("main sources under " + root).hasSizeGreaterThan(300);
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
