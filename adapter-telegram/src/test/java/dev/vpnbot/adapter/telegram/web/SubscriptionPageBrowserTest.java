package dev.vpnbot.adapter.telegram.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.sun.net.httpserver.HttpServer;
import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.SubscriptionRoute;
import dev.vpnbot.adapter.telegram.SubscriptionSettings;
import dev.vpnbot.adapter.telegram.WebPage;
import dev.vpnbot.domain.app.VpnApp;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.Language;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The subscription page in a real headless browser (Debian's chromium and chromedriver): it
 * renders in the owner's language, its QR code decodes to the subscription URL, its import
 * buttons carry the links this bot signs, the browser reports no console error, and it fits a
 * phone's width. Skipped only where chromium is not installed outside CI; .ci/run installs it.
 */
class SubscriptionPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String VLESS = "vless://11111111-2222-3333-4444-555555555555@de.example:443?security=reality#DE";

    private BotRig rig;
    private HttpServer http;
    private ChromeDriver browser;
    private SubscriptionToken token;

    @BeforeEach
    void serveAPageAndOpenABrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromedriver are not installed here");

        rig = BotRig.started();
        rig.users.save(UserMother.english(4242));
        KeyId id = rig.keys.nextId();
        rig.keys.save(new VpnKey(id, UserMother.english(4242).id(), new ServerId(1),
                new PanelClientId(UUID.randomUUID(), "vpnbot-k" + id + "-u4242", "k" + id + "sub"),
                BotRig.START.plus(Duration.ofDays(30)), KeyStatus.ACTIVE, new KeyLinks(null, VLESS), BotRig.START));
        token = rig.shop.subscriptionTokens.tokenOf(id).orElseThrow();
        SubscriptionRoute route = rig.bot.subscriptions(rig.shop.subscriptions, SubscriptionSettings.defaults(), rig.clock);

        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        http.createContext("/sub/", exchange -> {
            WebPage page = route.answer(exchange.getRequestURI().getPath(),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept")), Optional.of(exchange.getRemoteAddress().getAddress()));
            exchange.getResponseHeaders().set("Content-Type", page.contentType());
            page.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(page.status(), page.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page.body());
            }
        });
        http.start();

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void close() {
        if (browser != null) browser.quit();
        if (http != null) http.stop(0);
        if (rig != null) rig.close();
    }

    private String subscriptionUrl() {
        return BotRig.PUBLIC_URL + "/sub/" + token.value();
    }

    private void open() {
        browser.get("http://127.0.0.1:" + http.getAddress().getPort() + "/sub/" + token.value());
    }

    @Test
    void the_page_shows_the_key_its_qr_code_decodes_to_the_link_and_its_buttons_carry_the_signed_links() throws Exception {
        open();

        assertThat(browser.getTitle()).isEqualTo("Your VPN subscription");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Key #" + rig.keys.ofOwner(UserMother.english(4242).id())
                .get(0).id().value());
        assertThat(browser.findElement(By.id("locations")).getText()).contains("Frankfurt");
        assertThat(browser.findElement(By.id("status")).getText()).contains("Valid until").contains("30 d 0 h");
        assertThat(browser.findElement(By.id("url")).getText()).isEqualTo(subscriptionUrl());
        assertThat(decodeQr(browser.findElement(By.id("qr")))).isEqualTo(subscriptionUrl());

        List<WebElement> buttons = browser.findElements(By.cssSelector("a.app"));
        assertThat(buttons).isNotEmpty();
        for (WebElement button : buttons) {
            VpnApp app = rig.apps.importApp(button.getAttribute("data-app")).orElseThrow();
            // links are sealed with a fresh nonce each time: compare what they open to, not their bytes
            String expected = rig.connectLinks().link(app, subscriptionUrl(), Language.EN).orElseThrow();
            String href = button.getAttribute("href");
            assertThat(href.substring(0, href.indexOf("&k="))).isEqualTo(expected.substring(0, expected.indexOf("&k=")));
            assertThat(rig.connectLinks().open(href.substring(href.indexOf("&k=") + 3)))
                    .isEqualTo(new ConnectLinks.Opened.Valid(subscriptionUrl()));
        }
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(errors).isEmpty();
    }

    @Test
    void on_a_phones_width_nothing_scrolls_sideways_and_the_qr_code_still_decodes() throws Exception {
        browser.manage().window().setSize(new Dimension(360, 740));
        open();

        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        WebElement qr = browser.findElement(By.id("qr"));
        assertThat(qr.getSize().getWidth()).isGreaterThan(200);
        assertThat(decodeQr(qr)).isEqualTo(subscriptionUrl());
    }

    /**
     * Reads the code as a phone would: zxing's search first; where it misses (3 of 300 random links at
     * a phone's width, on clean screenshots), the module grid the SVG declares is sampled at each
     * module's centre and read as the pure barcode that gives. Wrong modules still fail to decode.
     */
    private static String decodeQr(WebElement element) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(element.getScreenshotAs(OutputType.BYTES)));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException missed) {
            return sampledAtModuleCentres(image, Integer.parseInt(element.getDomAttribute("viewBox").split(" ")[2]));
        }
    }

    /** The screenshot sampled at the centre of each of {@code modules}² modules, redrawn 4 px a module and read as a pure barcode. */
    static String sampledAtModuleCentres(BufferedImage image, int modules) throws Exception {
        int scale = 4;
        BufferedImage grid = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_INT_RGB);
        double w = image.getWidth() / (double) modules;
        double h = image.getHeight() / (double) modules;
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                int rgb = image.getRGB((int) ((x + 0.5) * w), (int) ((y + 0.5) * h));
                int luminance = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                int colour = luminance < 128 ? 0x000000 : 0xffffff;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) grid.setRGB(x * scale + dx, y * scale + dy, colour);
                }
            }
        }
        int[] pixels = grid.getRGB(0, 0, grid.getWidth(), grid.getHeight(), null, 0, grid.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grid.getWidth(), grid.getHeight(), pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
