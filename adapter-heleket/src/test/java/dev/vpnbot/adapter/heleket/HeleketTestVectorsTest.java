package dev.vpnbot.adapter.heleket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of the reference's heleket-test-vectors.json (made with PHP 8.2) and of
 * php-webhook-vectors.json (made with PHP 8.2 by src/test/php/make-webhook-vectors.php).
 * None of these values was produced by the code under test.
 */
class HeleketTestVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode REFERENCE = resource("/heleket-test-vectors.json");
    private static final JsonNode PHP = resource("/php-webhook-vectors.json");
    private static final String KEY = REFERENCE.get("api_key").asText();

    private static JsonNode resource(String name) {
        try (InputStream in = HeleketTestVectorsTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode vector(String name) {
        for (JsonNode v : REFERENCE.get("vectors")) {
            if (v.get("name").asText().equals(name)) return v;
        }
        throw new IllegalArgumentException(name);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> requestVectors() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (JsonNode v : REFERENCE.get("vectors")) {
            if (v.has("body")) all.add(Arguments.of(v.get("name").asText(), v.get("body").asText(), KEY, v.get("sign").asText()));
        }
        for (JsonNode v : REFERENCE.get("third_party_vectors_key_secret")) {
            all.add(Arguments.of("third party " + v.get("body").asText(), v.get("body").asText(), "secret", v.get("sign").asText()));
        }
        // The official SDKs' test input (reference §6).
        all.add(Arguments.of("sdk", "{\"amount\":\"15\",\"currency\":\"USD\",\"order_id\":\"1\"}", "merchant-api-key-42",
                "27241b4fe4019e6c19622ce88888603c"));
        return all.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestVectors")
    void a_request_is_signed_over_its_exact_bytes_as_php_does(String name, String body, String key, String sign) {
        assertThat(HeleketSign.of(utf8(body), key)).isEqualTo(sign);
    }

    @Test
    void the_signed_string_is_standard_padded_base64_of_the_body() {
        JsonNode v = vector("create_invoice_minimal");
        assertThat(Base64.getEncoder().encodeToString(utf8(v.get("body").asText()))).isEqualTo(v.get("base64").asText());
    }

    @Test
    void an_escaped_and_a_raw_slash_body_are_both_fine_requests_but_sign_differently() {
        String escaped = vector("create_invoice_url_slashes_escaped").get("body").asText();
        String raw = vector("create_invoice_url_slashes_raw").get("body").asText();
        assertThat(HeleketSign.of(utf8(escaped), KEY)).isNotEqualTo(HeleketSign.of(utf8(raw), KEY));
    }

    @Test
    void both_delivered_forms_of_the_paid_webhook_verify() throws Exception {
        JsonNode v = vector("webhook_payment_paid");
        WebhookSignature signature = new WebhookSignature(KEY);
        for (String body : new String[] {v.get("body_as_sent_unescaped_unicode").asText(), v.get("body_as_sent_escaped_unicode").asText()}) {
            ReceivedJson.Obj verified = signature.verify(utf8(body));
            assertThat(new String(PhpJson.encode(verified), StandardCharsets.UTF_8)).isEqualTo(v.get("signed_string").asText());
            assertThat(verified.get("sign")).isEmpty();
            assertThat(verified.get("additional_data")).contains(new ReceivedJson.Str("Заказ №42 https://shop.example/o/42"));
        }
    }

    @Test
    void the_wrong_recipes_give_the_wrong_signs_listed_in_the_reference_and_such_signs_are_refused() {
        JsonNode v = vector("webhook_payment_paid");
        String signed = v.get("signed_string").asText();
        String slashesRaw = signed.replace("\\/", "/");
        String unicodeEscaped = escapeNonAscii(signed);
        assertThat(HeleketSign.of(utf8(slashesRaw), KEY)).isEqualTo(v.get("wrong_sign_if_slashes_not_escaped").asText());
        assertThat(HeleketSign.of(utf8(unicodeEscaped), KEY)).isEqualTo(v.get("wrong_sign_if_unicode_escaped").asText());
        assertThat(HeleketSign.of(utf8(sortedKeys(signed)), KEY)).isEqualTo(v.get("wrong_sign_if_keys_sorted").asText());

        String body = v.get("body_as_sent_unescaped_unicode").asText();
        String rightSign = v.get("sign").asText();
        WebhookSignature signature = new WebhookSignature(KEY);
        for (String wrong : new String[] {"wrong_sign_if_slashes_not_escaped", "wrong_sign_if_unicode_escaped", "wrong_sign_if_keys_sorted"}) {
            byte[] forged = utf8(body.replace(rightSign, v.get(wrong).asText()));
            assertThatThrownBy(() -> signature.verify(forged)).isInstanceOf(WebhookSignature.Refused.class)
                    .satisfies(e -> assertThat(((WebhookSignature.Refused) e).flaw()).isEqualTo(WebhookSignature.Flaw.FORGED));
        }
    }

    @Test
    void php_encoding_edge_cases_re_encode_to_the_same_bytes_and_sign() throws Exception {
        JsonNode v = vector("php_encoding_edge_cases");
        String signed = v.get("signed_string").asText();
        byte[] again = PhpJson.encode(ReceivedJson.parse(utf8(signed)));
        assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(signed);
        assertThat(HeleketSign.of(again, KEY)).isEqualTo(v.get("sign").asText());
    }

    static Stream<Arguments> phpWebhookBodies() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (JsonNode v : PHP.get("vectors")) {
            for (Map.Entry<String, JsonNode> body : v.get("bodies").properties()) {
                all.add(Arguments.of(v.get("name").asText() + " / " + body.getKey(), body.getValue().asText(),
                        v.get("signed_string").asText()));
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phpWebhookBodies")
    void every_php_delivery_of_a_webhook_verifies_and_re_encodes_to_what_php_signed(String name, String body, String signedString)
            throws Exception {
        ReceivedJson.Obj verified = new WebhookSignature(PHP.get("api_key").asText()).verify(utf8(body));
        assertThat(new String(PhpJson.encode(verified), StandardCharsets.UTF_8)).isEqualTo(signedString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phpWebhookBodies")
    void the_same_deliveries_fail_with_another_key(String name, String body, String signedString) {
        assertThatThrownBy(() -> new WebhookSignature("another-key").verify(utf8(body))).isInstanceOf(WebhookSignature.Refused.class);
    }

    /** What PHP's default flags (or Python's ensure_ascii) would write: non-ASCII as lower-case \\uXXXX. */
    private static String escapeNonAscii(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x80) out.append(c); else out.append(String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    /** The signed string with its top-level members in key order (PHP ksort), as a naive verifier would rebuild it. */
    private static String sortedKeys(String json) {
        try {
            ReceivedJson.Obj obj = (ReceivedJson.Obj) ReceivedJson.parse(utf8(json));
            Map<String, ReceivedJson> sorted = new TreeMap<>();
            obj.members().forEach(m -> sorted.put(m.name(), m.value()));
            ReceivedJson.Obj reordered = new ReceivedJson.Obj(sorted.entrySet().stream()
                    .map(e -> new ReceivedJson.Member(e.getKey(), e.getValue())).toList());
            return new String(PhpJson.encode(reordered), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
