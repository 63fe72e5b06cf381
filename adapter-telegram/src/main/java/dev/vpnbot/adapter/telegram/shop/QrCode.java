package dev.vpnbot.adapter.telegram.shop;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A key's link as a QR code PNG, for apps that import by scanning. The PNG is written directly
 * (one bit per pixel, black on white) from the code's bit matrix: drawing it pixel by pixel into
 * an image cost most of a key delivery's CPU in colour lookups. The last few codes are kept, so a
 * key shown again (or a retried photo) is not encoded again.
 */
final class QrCode {
    private static final int SIZE = 512;
    private static final int CACHED = 256;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static final Map<String, byte[]> RECENT = new LinkedHashMap<>(CACHED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    };

    private QrCode() {}

    /** The PNG of {@code text}; the same array for the same text while it is among the recent ones (never change it). */
    static byte[] png(String text) {
        synchronized (RECENT) {
            byte[] known = RECENT.get(text);
            if (known != null) return known;
        }
        byte[] png = write(matrix(text));
        synchronized (RECENT) {
            RECENT.put(text, png);
        }
        return png;
    }

    static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of " + text.length() + " characters", e);
        }
    }

    /** A greyscale PNG of bit depth 1 (PNG spec, 11.2.2 IHDR): a set module is black (0), the rest white (1). */
    static byte[] write(BitMatrix matrix) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        int rowBytes = (width + 7) / 8;
        byte[] raw = new byte[(rowBytes + 1) * height]; // each row: filter type 0, then the pixels
        for (int y = 0; y < height; y++) {
            int row = y * (rowBytes + 1) + 1;
            for (int x = 0; x < width; x++) {
                if (!matrix.get(x, y)) raw[row + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(8 * 1024);
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", deflate(raw));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
