package dev.vpnbot.adapter.heleket.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake signs webhooks like PHP does: its writer reproduces PHP's bytes for the PHP-made vectors. */
class PhpStyleJsonTest {

    @Test
    void the_fake_writes_webhooks_byte_for_byte_as_php_does_with_both_flag_sets() throws Exception {
        JsonNode vectors;
        try (InputStream in = getClass().getResourceAsStream("/php-webhook-vectors.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (JsonNode v : vectors.get("vectors")) {
            if (v.get("name").asText().equals("nested_and_numbers")) continue; // floats: the fake never sends any
            JsonNode payload = new ObjectMapper().readTree(v.get("signed_string").asText());
            Object value = plain(payload);
            assertThat(PhpStyleJson.encode(value, false, true)).as(v.get("name").asText()).isEqualTo(v.get("signed_string").asText());
            String sign = v.get("sign").asText();
            assertThat(FakeHeleket.signOf(v.get("signed_string").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    vectors.get("api_key").asText())).isEqualTo(sign);
            @SuppressWarnings("unchecked")
            Map<String, Object> delivered = new LinkedHashMap<>((Map<String, Object>) value);
            delivered.put("sign", sign);
            assertThat(PhpStyleJson.encode(delivered, true, true)).isEqualTo(v.get("bodies").get("php_default_flags").asText());
            assertThat(PhpStyleJson.encode(delivered, false, false)).isEqualTo(v.get("bodies").get("unescaped_slashes").asText());
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(plain(n)));
            return list;
        }
        if (node.isTextual()) return node.asText();
        if (node.isBoolean()) return node.asBoolean();
        if (node.isNull()) return null;
        throw new IllegalArgumentException("no numbers in these vectors: " + node);
    }
}
