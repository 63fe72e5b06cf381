package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The PNG written directly is the same picture the image drawn pixel by pixel was, and a known link is not encoded again. */
class QrCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://sub.example/sub/abc123",
            "vless://2f1c5a7e-1111-4222-8333-944455556666@de.example.com:443?type=tcp&security=reality&pbk=Zx9&fp=chrome&sni=www.example.com&sid=ab12&spx=%2F&flow=xtls-rprx-vision#vpnbot-k1-u42"})
    void the_direct_png_decodes_to_the_same_pixels_as_the_image_drawn_pixel_by_pixel(String text) throws IOException {
        BitMatrix matrix = QrCode.matrix(text);
        BufferedImage direct = ImageIO.read(new ByteArrayInputStream(QrCode.write(matrix)));
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(drawnPixelByPixel(matrix)));

        assertThat(direct.getWidth()).isEqualTo(drawn.getWidth()).isEqualTo(512);
        assertThat(direct.getHeight()).isEqualTo(drawn.getHeight()).isEqualTo(512);
        int differing = 0;
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                if (direct.getRGB(x, y) != drawn.getRGB(x, y)) differing++;
            }
        }
        assertThat(differing).isZero();
        assertThat(direct.getRGB(0, 0)).as("the quiet zone is white").isEqualTo(0xFFFFFFFF);
    }

    @Test
    void the_same_link_gives_the_same_png_without_encoding_it_again() {
        byte[] first = QrCode.png("https://sub.example/sub/cached");
        assertThat(QrCode.png("https://sub.example/sub/cached")).isSameAs(first);
        assertThat(QrCode.png("https://sub.example/sub/other")).isNotSameAs(first);
    }

    /** How the QR was drawn before: an image set pixel by pixel, written by ImageIO. */
    private static byte[] drawnPixelByPixel(BitMatrix matrix) throws IOException {
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
