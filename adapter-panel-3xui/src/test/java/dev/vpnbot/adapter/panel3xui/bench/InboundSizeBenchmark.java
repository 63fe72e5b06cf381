package dev.vpnbot.adapter.panel3xui.bench;

import dev.vpnbot.adapter.panel3xui.ThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.ThreeXuiSettings;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The panel step of fulfilment (payment → key: the new client put on the panel and its links
 * made, {@code VpnPanel.createClient}) against a fake 3x-ui whose inbound already holds 0, 1k,
 * 5k, 10k clients, per panel generation. The fake repeats the real panel's work that grows with
 * the inbound (settings unmarshalled, marshalled and saved whole on each client change, the
 * duplicate-email scan, v3.1+'s client-table sync), so the figures show what remains of it on
 * the panel's side and what our side adds: per key, "panel ms" is the fake's time answering,
 * "ours ms" the rest (the adapter, HTTP, JSON), "requests" the calls made.
 * Not a test: run by {@code bench/panel-inbound.sh}.
 *
 * <p>BENCH_OP chooses the step measured: {@code create} (the default, above), {@code renew}
 * ({@code VpnPanel.setExpiry} of a key already on the panel, what a paid renewal does) or
 * {@code toggle} ({@code setEnabled} off, then on again: each switch counts as one operation); for
 * these two the keys are put on the panel first, untimed.
 *
 * <p>Settings: BENCH_PROFILES (V2_8,V3_1), BENCH_SIZES (0,1000,5000,10000), BENCH_KEYS per size
 * (300), BENCH_WARMUP (100), BENCH_THREADS (1: one fulfilment loop, as the bot's scheduler runs).
 */
public final class InboundSizeBenchmark {
    private static final AtomicInteger KEYS = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        List<Profile> profiles = Arrays.stream(env("BENCH_PROFILES", "V2_8,V3_1").split(",")).map(String::trim).map(Profile::valueOf).toList();
        int[] sizes = Arrays.stream(env("BENCH_SIZES", "0,1000,5000,10000").split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int keys = Integer.parseInt(env("BENCH_KEYS", "300"));
        int warmup = Integer.parseInt(env("BENCH_WARMUP", "100"));
        int threads = Integer.parseInt(env("BENCH_THREADS", "1"));
        String op = env("BENCH_OP", "create");
        if (!List.of("create", "renew", "toggle").contains(op)) throw new IllegalArgumentException("BENCH_OP: create, renew or toggle");
        System.out.println("operation: " + op);
        ThreeXuiSettings settings = ThreeXuiSettings.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));
        System.out.printf(Locale.ROOT, "%-5s %7s %6s %9s %8s %8s %8s %9s %9s %9s  %s%n", "panel", "clients", "ops", "ops/s", "p50 ms",
                "p99 ms", "ratio", "panel ms", "ours ms", "requests", "load (1/5/15 min)");
        for (Profile profile : profiles) {
            double baseRate = 0;
            for (int size : sizes) {
                try (FakeThreeXuiPanel fake = FakeThreeXuiPanel.builder().profile(profile).start();
                     ThreeXuiPanel panel = new ThreeXuiPanel(settings, Clock.systemUTC())) {
                    fake.seedClients(FakeThreeXuiPanel.REALITY_INBOUND_ID, size);
                    Server server = new Server(new ServerId(1), "bench", fake.connection(), FakeThreeXuiPanel.REALITY_INBOUND_ID, true,
                            1_000_000, 0);
                    Step step = step(op, panel, server, warmup + keys, warmup);
                    run(step, 0, warmup, threads);
                    int ops = op.equals("toggle") ? 2 * keys : keys;
                    fake.clearRequestLog();
                    long panelBefore = fake.handlingNanos();
                    long start = System.nanoTime();
                    List<Long> nanos = run(step, warmup, ops, threads);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double panelMs = (fake.handlingNanos() - panelBefore) / 1e6 / ops;
                    double perKeyMs = nanos.stream().mapToLong(Long::longValue).sum() / 1e6 / ops;
                    double requests = fake.requestLog().size() / (double) ops;
                    double rate = ops / seconds;
                    if (size == sizes[0]) baseRate = rate;
                    Collections.sort(nanos);
                    System.out.printf(Locale.ROOT, "%-5s %7d %6d %9.1f %8.2f %8.2f %8.2f %9.2f %9.2f %9.1f  %s%n", profile, size, ops,
                            rate, pct(nanos, 0.50), pct(nanos, 0.99), rate / baseRate, panelMs, perKeyMs - panelMs, requests, load());
                }
            }
        }
        System.out.println("goal: the rate at the largest size within 15 % of the rate at the smallest (ratio >= 0.85)");
    }

    /** One timed operation, the i-th of the run. */
    private interface Step {
        void apply(int i);
    }

    /** The operation measured; for renew and toggle, {@code keys} clients are put on the panel first (untimed). */
    private static Step step(String op, ThreeXuiPanel panel, Server server, int keys, int warmup) {
        if (op.equals("create")) return i -> panel.createClient(server, newClient());
        List<NewPanelClient> ready = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            NewPanelClient c = newClient();
            panel.createClient(server, c);
            ready.add(c);
        }
        if (op.equals("renew")) {
            return i -> { // each key renewed once, by a month more
                NewPanelClient c = ready.get(i % keys);
                panel.setExpiry(server, c.id(), c.expiresAt().plus(Duration.ofDays(30L * (1 + i / keys))));
            };
        }
        // toggle: the warm-up switches its own keys off; the measured run switches each of its keys off, then each back on
        return i -> {
            if (i < warmup) {
                panel.setEnabled(server, ready.get(i).id(), false);
                return;
            }
            int j = i - warmup;
            int measured = keys - warmup;
            panel.setEnabled(server, ready.get(warmup + j % measured).id(), j >= measured);
        };
    }

    private static List<Long> run(Step step, int from, int count, int threads) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            AtomicInteger left = new AtomicInteger(count);
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    int n;
                    while ((n = left.getAndDecrement()) > 0) {
                        int i = from + count - n;
                        long t0 = System.nanoTime();
                        step.apply(i);
                        nanos.add(System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(nanos);
    }

    private static NewPanelClient newClient() {
        int n = KEYS.incrementAndGet();
        PanelClientId id = new PanelClientId(UUID.randomUUID(), "vpnbot-k" + n + "-u" + (1000 + n), "sub" + n + "x" + Integer.toHexString(n * 7919));
        return new NewPanelClient(id, Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS), 500_000_000L + n, 2,
                50L * 1024 * 1024 * 1024);
    }

    private static double pct(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static String load() {
        try {
            return String.join(" ", Arrays.asList(new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).split(" ")).subList(0, 3));
        } catch (java.io.IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
