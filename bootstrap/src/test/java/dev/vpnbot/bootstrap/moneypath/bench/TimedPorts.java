package dev.vpnbot.bootstrap.moneypath.bench;

import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.model.panel.PanelRepair;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            public PanelRepair repairClient(Server server, NewPanelClient wanted) {
                return timed(() -> panel.repairClient(server, wanted));
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
        return new Reading(panelNanos.sum(), panelCalls.sum(), transactionNanos.sum(), transactions.sum(), cpuByGroup(),
                postgresCpuTicks());
    }

    /**
     * @param cpuNanos      this JVM's CPU by group of threads (see {@link #group}); "jvm" is the JIT,
     *                      the garbage collector and threads that ended
     * @param postgresTicks CPU of every process named postgres on this machine, in clock ticks
     *                      (1/100 s): includes other users of a shared server
     */
    record Reading(long panelNanos, long panelCalls, long transactionNanos, long transactions, Map<String, Long> cpuNanos,
                   long postgresTicks) {

        /** Per fulfilment between {@code before} and this reading. */
        String perOrder(Reading before, int orders) {
            StringBuilder cpu = new StringBuilder();
            double bot = 0;
            for (String group : GROUPS) {
                double ms = Math.max(0, cpuNanos.getOrDefault(group, 0L) - before.cpuNanos.getOrDefault(group, 0L)) / 1e6 / orders;
                if (!group.equals("fakes") && !group.equals("bench")) bot += ms;
                cpu.append(String.format(Locale.ROOT, " %s %.1f", group, ms));
            }
            return String.format(Locale.ROOT, "panel %.1f ms in %.1f calls, transactions %.1f ms in %.1f; CPU ms: bot %.1f (%s),"
                            + " PostgreSQL %.1f",
                    (panelNanos - before.panelNanos) / 1e6 / orders, (double) (panelCalls - before.panelCalls) / orders,
                    (transactionNanos - before.transactionNanos) / 1e6 / orders, (double) (transactions - before.transactions) / orders,
                    bot, cpu.toString().trim(), (postgresTicks - before.postgresTicks) * 10.0 / orders);
        }
    }

    private static final List<String> GROUPS = List.of("webhook", "worker", "panel-writer", "okhttp", "db-pool", "jvm", "fakes", "bench");

    /** Which part of the program a thread belongs to, by its name. */
    private static String group(String thread) {
        if (thread.startsWith("fake-") || thread.startsWith("HttpClient-") || thread.startsWith("HTTP-Dispatcher")) return "fakes";
        if (thread.startsWith("http-")) return "webhook";          // the bot's HTTP server threads
        if (thread.startsWith("jobs-") || thread.startsWith("fulfilment-loop")) return "worker";
        if (thread.startsWith("3x-ui-writer")) return "panel-writer";
        if (thread.startsWith("OkHttp")) return "okhttp";
        if (thread.startsWith("vpnbot-db")) return "db-pool";
        if (thread.equals("main") || thread.startsWith("prepare-")) return "bench";
        return "jvm";
    }

    private static Map<String, Long> cpuByGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        long javaThreads = 0;
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos <= 0) continue;
            cpu.merge(group(info.getThreadName()), nanos, Long::sum);
            javaThreads += nanos;
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        cpu.merge("jvm", process - javaThreads, Long::sum);
        return cpu;
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
