package dev.vpnbot.adapter.simulated;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * SANDBOX ONLY — a QR code picture drawn in the terminal with Unicode half blocks, two module
 * rows per text line, so a phone can scan it off the screen.
 *
 * <p>It reads the PNG the bot sent (whatever its scale and margin): the dark pixels' bounding box
 * is the symbol, the top-left finder pattern (7 modules wide) gives the module size, and each
 * module is sampled at its centre. Light modules are drawn as blocks (as {@code qrencode -t UTF8}
 * does), so the code reads right on the usual dark terminal; a quiet zone of 2 modules surrounds it.
 */
final class TerminalQr {
    private static final int QUIET = 2;

    private TerminalQr() {}

    /** The modules, {@code [row][column]}, true for dark; empty when the picture holds no QR code we can read. */
    static Optional<boolean[][]> modules(byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (image == null) return Optional.empty();
        int left = Integer.MAX_VALUE, top = Integer.MAX_VALUE, right = -1, bottom = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (dark(image, x, y)) {
                    left = Math.min(left, x);
                    top = Math.min(top, y);
                    right = Math.max(right, x);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) return Optional.empty();
        int finder = 0;
        while (left + finder <= right && dark(image, left + finder, top)) finder++;
        double module = finder / 7.0;
        int count = (int) Math.round((right - left + 1) / module);
        if (module < 1 || count < 21 || (right - left + 1) != (bottom - top + 1)) return Optional.empty();
        boolean[][] grid = new boolean[count][count];
        for (int row = 0; row < count; row++) {
            for (int col = 0; col < count; col++) {
                grid[row][col] = dark(image, left + (int) ((col + 0.5) * module), top + (int) ((row + 0.5) * module));
            }
        }
        return Optional.of(grid);
    }

    /** The lines to print; empty when the picture holds no QR code. */
    static List<String> lines(byte[] png) {
        return modules(png).map(TerminalQr::draw).orElse(List.of());
    }

    static List<String> draw(boolean[][] grid) {
        int size = grid.length + 2 * QUIET;
        List<String> lines = new ArrayList<>();
        for (int row = 0; row < size; row += 2) {
            StringBuilder line = new StringBuilder(size);
            for (int col = 0; col < size; col++) {
                boolean upper = light(grid, row, col);
                boolean lower = row + 1 < size && light(grid, row + 1, col);
                line.append(upper ? (lower ? '█' : '▀') : (lower ? '▄' : ' '));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Light modules and the quiet zone are drawn. */
    private static boolean light(boolean[][] grid, int row, int col) {
        int r = row - QUIET, c = col - QUIET;
        if (r < 0 || c < 0 || r >= grid.length || c >= grid.length) return true;
        return !grid[r][c];
    }

    private static boolean dark(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        int luminance = ((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114;
        return luminance < 128_000;
    }
}
