package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.adapter.telegram.outbox.SenderLimits;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.domain.broadcast.Audience;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark (not a test; bench/stars-precheckout.sh runs it): how long Telegram waits for our
 * answer to a pre_checkout_query while a broadcast keeps the rate-limited sender busy. The bot runs
 * with Telegram's real sender limits (30 messages/s) against the fake Bot API over long polling; a
 * broadcast to BENCH_RECIPIENTS users is confirmed and driven by scheduler ticks, and a burst of as
 * many messages is queued in the sender besides. Meanwhile BENCH_QUERIES buyers, each with an order,
 * pay with Stars one after another: the time from the query entering Telegram's update queue to our
 * answerPreCheckoutQuery reaching Telegram is measured. Prints p50/p90/p99/max, the sender's queue
 * and the load average. Exit 1 when p99 >= 1 s (Telegram's own deadline is 10 s).
 */
public final class StarsPreCheckoutBenchmark {

    public static void main(String[] args) throws Exception {
        int recipients = Integer.parseInt(System.getenv().getOrDefault("BENCH_RECIPIENTS", "2000"));
        int queries = Integer.parseInt(System.getenv().getOrDefault("BENCH_QUERIES", "200"));
        long gapMs = Long.parseLong(System.getenv().getOrDefault("BENCH_GAP_MS", "50"));
        try (BotRig rig = new BotRig(b -> b, SenderLimits.telegramDefaults(), true)) {
            rig.bot.start();
            for (long id = 100_000; id < 100_000 + recipients; id++) {
                rig.shop.registration.register(new RegisterUserCommand(new UserId(id), "R" + id, null, "en"));
            }
            List<Order> orders = new ArrayList<>();
            for (long id = 500_000; id < 500_000 + queries; id++) {
                rig.shop.registration.register(new RegisterUserCommand(new UserId(id), "B" + id, null, "en"));
                orders.add(rig.shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(new UserId(id), new TariffId(1), new ServerId(1))));
            }
            BroadcastUseCase broadcasts = rig.broadcasting;
            long broadcast = broadcasts.prepare(new BroadcastUseCase.PrepareBroadcastCommand(new UserId(BotRig.ADMIN), "Bench broadcast",
                    Audience.ALL)).draft().id();
            broadcasts.confirm(new UserId(BotRig.ADMIN), broadcast);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger ticks = new AtomicInteger();
            Thread scheduler = new Thread(() -> {
                while (running.get() && rig.broadcasting.sendNextBatch() > 0) ticks.incrementAndGet();
            }, "bench-broadcast");
            scheduler.start();
            for (long id = 100_000; id < 100_000 + recipients; id++) { // a large broadcast's batch already queued
                rig.sender.send(id, Interaction.message(id, View.of("Bench burst")));
            }
            int queueAtStart = rig.sender.queueLength();
            int maxQueue = queueAtStart;

            List<Long> micros = new ArrayList<>();
            for (Order order : orders) {
                int mark = rig.api.mark();
                long pushed = System.nanoTime();
                String query = rig.api.userPreCheckout(order.userId().telegramId(), "en", order.publicId().value(), "XTR",
                        order.starsPrice().orElseThrow().count());
                Call answer = rig.api.awaitAfter(mark, Duration.ofSeconds(15), c -> c.method().equals("answerprecheckoutquery")
                        && query.equals(c.params().get("pre_checkout_query_id")));
                if (!"true".equals(answer.params().get("ok"))) throw new IllegalStateException("declined: " + answer.params());
                micros.add((answer.atNanos() - pushed) / 1_000);
                maxQueue = Math.max(maxQueue, rig.sender.queueLength());
                Thread.sleep(gapMs);
            }
            int queueAtEnd = rig.sender.queueLength();
            running.set(false);
            scheduler.join(30_000);

            Collections.sort(micros);
            double p50 = pct(micros, 50), p90 = pct(micros, 90), p99 = pct(micros, 99), max = micros.get(micros.size() - 1) / 1000.0;
            System.out.printf("pre-checkout answers while a broadcast runs: %d queries, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    micros.size(), p50, p90, p99, max);
            System.out.printf("sender queue: %d at start, %d at most, %d at the end; broadcast ticks meanwhile: %d; loadavg %s%n",
                    queueAtStart, maxQueue, queueAtEnd, ticks.get(), Files.readString(Path.of("/proc/loadavg")).strip());
            if (queueAtEnd == 0) System.out.println("warning: the sender's queue ran empty before the end: raise BENCH_RECIPIENTS");
            System.exit(p99 < 1000 ? 0 : 1);
        }
    }

    private static double pct(List<Long> sortedMicros, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }
}
