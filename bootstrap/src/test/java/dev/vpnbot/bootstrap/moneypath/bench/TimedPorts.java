package dev.vpnbot.bootstrap.moneypath.bench;

import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelClientState;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Benchmark instrument: wraps the panel and the unit of work and adds up the time spent in
 * each, so the figures say where a fulfilment's time goes (the wrapping costs nanoseconds).
 */
final class TimedPorts {
    private final LongAdder panelNanos = new LongAdder();
    private final LongAdder panelCalls = new LongAdder();
    private final LongAdder transactionNanos = new LongAdder();
    private final LongAdder transactions = new LongAdder();

    VpnPanel panel(VpnPanel panel) {
        return new VpnPanel() {
            @Override
            public KeyLinks createClient(Server server, NewPanelClient client) {
                return timed(() -> panel.createClient(server, client));
            }

            @Override
            public void setExpiry(Server server, PanelClientId client, Instant expiresAt) {
                timed(() -> {
                    panel.setExpiry(server, client, expiresAt);
                    return null;
                });
            }

            @Override
            public void setEnabled(Server server, PanelClientId client, boolean enabled) {
                timed(() -> {
                    panel.setEnabled(server, client, enabled);
                    return null;
                });
            }

            @Override
            public Optional<PanelClientState> findClient(Server server, PanelClientId client) {
                return timed(() -> panel.findClient(server, client));
            }

            @Override
            public void deleteClient(Server server, PanelClientId client) {
                timed(() -> {
                    panel.deleteClient(server, client);
                    return null;
                });
            }

            @Override
            public KeyLinks links(Server server, PanelClientId client) {
                return timed(() -> panel.links(server, client));
            }

            private <T> T timed(Supplier<T> call) {
                long start = System.nanoTime();
                try {
                    return call.get();
                } finally {
                    panelNanos.add(System.nanoTime() - start);
                    panelCalls.increment();
                }
            }
        };
    }

    Transactions transactions(Transactions tx) {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                long start = System.nanoTime();
                try {
                    return tx.inTransaction(work);
                } finally {
                    transactionNanos.add(System.nanoTime() - start);
                    transactions.increment();
                }
            }
        };
    }

    /** Totals so far, to subtract one reading from the next. */
    Reading read() {
        long[] cpu = threadCpuNanos();
        return new Reading(panelNanos.sum(), panelCalls.sum(), transactionNanos.sum(), transactions.sum(), cpu[0], cpu[1],
                postgresCpuTicks());
    }

    /**
     * @param postgresTicks CPU of every process named postgres on this machine, in clock ticks
     *                      (1/100 s): includes other users of a shared server
     */
    record Reading(long panelNanos, long panelCalls, long transactionNanos, long transactions, long botCpuNanos,
                   long fakeCpuNanos, long postgresTicks) {
        /** Per fulfilment between {@code before} and this reading. */
        String perOrder(Reading before, int orders) {
            return String.format(Locale.ROOT, "panel %.1f ms in %.1f calls, transactions %.1f ms in %.1f; "
                            + "CPU: bot %.1f ms, fakes %.1f ms, PostgreSQL %.1f ms",
                    (panelNanos - before.panelNanos) / 1e6 / orders, (double) (panelCalls - before.panelCalls) / orders,
                    (transactionNanos - before.transactionNanos) / 1e6 / orders, (double) (transactions - before.transactions) / orders,
                    Math.max(0, botCpuNanos - before.botCpuNanos) / 1e6 / orders,
                    Math.max(0, fakeCpuNanos - before.fakeCpuNanos) / 1e6 / orders,
                    (postgresTicks - before.postgresTicks) * 10.0 / orders);
        }
    }

    /**
     * CPU of this JVM as {bot, fakes}: the fakes' threads (the panels', the fake Heleket's and its
     * webhook client's, the JDK HTTP servers' dispatchers) apart from the rest, which counts as
     * the bot's (with the JIT, GC and the benchmark's own sender).
     */
    private static long[] threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fakes = 0;
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            String name = info.getThreadName();
            boolean fake = name.startsWith("fake-") || name.startsWith("HttpClient-") || name.startsWith("HTTP-Dispatcher");
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (fake && cpu > 0) fakes += cpu;
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new long[] {process - fakes, fakes};
    }

    /** utime + stime of all postgres processes, from /proc (0 where there is no /proc). */
    private static long postgresCpuTicks() {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) continue;
                    String[] fields = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }
}
