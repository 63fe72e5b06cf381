package dev.vpnbot.adapter.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The GRANT statements of a role, from a SQL template beside this class with {schema} and {role} filled in. */
final class RoleGrants {
    private RoleGrants() {}

    static List<String> statements(String resource, String schema, String role) {
        String quotedSchema = '"' + DatabaseSettings.requireIdentifier(schema, "schema") + '"';
        String quotedRole = '"' + DatabaseSettings.requireIdentifier(role, "role") + '"';
        String template;
        try (InputStream in = RoleGrants.class.getResourceAsStream(resource)) {
            template = new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + " from the classpath", e);
        }
        return Arrays.stream(template.replace("{schema}", quotedSchema).replace("{role}", quotedRole).split(";"))
                .map(statement -> statement.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip())
                .filter(statement -> !statement.isEmpty())
                .toList();
    }
}
