package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Panel secrets at rest: AES-256-GCM with a fresh nonce, bound to where they belong. */
class SecretBoxTest {
    private static final byte[] KEY = HexFormat.of().parseHex("8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private final SecretBox box = new SecretBox(KEY);

    @Test
    void a_sealed_secret_opens_with_the_same_key_and_context() {
        byte[] sealed = box.seal("p@ss wörd 🔑", "servers/7/panel_secret");

        assertThat(new SecretBox(KEY.clone()).open(sealed, "servers/7/panel_secret")).isEqualTo("p@ss wörd 🔑");
    }

    @Test
    void the_sealed_form_is_version_nonce_ciphertext_and_tag_and_hides_the_plaintext() {
        byte[] sealed = box.seal("hunter2hunter2", "ctx");

        assertThat(sealed).hasSize(1 + 12 + "hunter2hunter2".length() + 16);
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
    }

    @Test
    void sealing_the_same_secret_twice_gives_different_bytes_because_every_nonce_is_fresh() {
        assertThat(box.seal("same", "ctx")).isNotEqualTo(box.seal("same", "ctx"));
    }

    @Test
    void another_key_another_context_or_a_flipped_bit_is_refused_without_revealing_anything() {
        byte[] sealed = box.seal("top-secret-token", "servers/7/panel_secret");
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        byte[] tampered = sealed.clone();
        tampered[20] ^= 1;

        assertThatThrownBy(() -> new SecretBox(otherKey).open(sealed, "servers/7/panel_secret"))
                .isInstanceOf(SecretBox.SecretNotReadable.class)
                .hasMessage("cannot decrypt servers/7/panel_secret: the secret key is not the one it was stored with, or the value was altered");
        assertThatThrownBy(() -> box.open(sealed, "servers/8/panel_secret")).isInstanceOf(SecretBox.SecretNotReadable.class);
        assertThatThrownBy(() -> box.open(tampered, "servers/7/panel_secret")).isInstanceOf(SecretBox.SecretNotReadable.class)
                .hasMessageNotContaining("top-secret-token");
        assertThatThrownBy(() -> box.open(new byte[5], "ctx")).isInstanceOf(SecretBox.SecretNotReadable.class);
    }

    @Test
    void a_key_is_read_from_hex_or_base64_and_must_be_32_bytes() {
        String hex = HexFormat.of().formatHex(KEY);
        assertThat(SecretBox.parseKey(hex)).isEqualTo(KEY);
        assertThat(SecretBox.parseKey(hex.toUpperCase())).isEqualTo(KEY);
        assertThat(SecretBox.parseKey(" " + Base64.getEncoder().encodeToString(KEY) + "\n")).isEqualTo(KEY);
        assertThat(SecretBox.parseKey(Base64.getUrlEncoder().withoutPadding().encodeToString(KEY))).isEqualTo(KEY);
        assertThat(SecretBox.parseKey(SecretBox.newKey())).hasSize(32);
    }

    @Test
    void a_passphrase_or_a_short_key_is_refused_and_the_message_does_not_repeat_it() {
        for (String bad : new String[] {"correct horse battery staple", Base64.getEncoder().encodeToString(new byte[16]), "", "zz"}) {
            assertThatThrownBy(() -> SecretBox.parseKey(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("openssl rand -base64 32")
                    .satisfies(e -> {
                        if (!bad.isEmpty()) assertThat(e.getMessage()).doesNotContain(bad);
                    });
        }
        assertThatThrownBy(() -> new SecretBox(new byte[16])).hasMessageContaining("32 bytes");
    }

    @Test
    void the_box_never_shows_its_key() {
        assertThat(box.toString()).doesNotContain(HexFormat.of().formatHex(KEY)).contains("***");
    }
}
