package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.admin.Audiences;
import dev.vpnbot.application.port.out.admin.BroadcastChannel;
import dev.vpnbot.application.port.out.admin.Broadcasts;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.domain.broadcast.Broadcast;
import dev.vpnbot.domain.broadcast.LinkButton;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends broadcasts in batches. Before each message the recipient is claimed in the once-only
 * ledger ("broadcast:&lt;id&gt;", "user:&lt;telegram id&gt;"), and the cursor is saved after the
 * batch: a restart resumes after the last saved cursor and the ledger skips anyone already
 * served in the unsaved part, so nobody gets the message twice.
 */
public final class Broadcasting implements BroadcastUseCase {
    private final Admins admins;
    private final Broadcasts broadcasts;
    private final Audiences audiences;
    private final BroadcastChannel channel;
    private final Users users;
    private final SentNotifications ledger;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;

    public Broadcasting(Admins admins, Broadcasts broadcasts, Audiences audiences, BroadcastChannel channel, Users users,
                        SentNotifications ledger, Transactions transactions, Clock clock, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive");
        this.admins = admins;
        this.broadcasts = broadcasts;
        this.audiences = audiences;
        this.channel = channel;
        this.users = users;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    public Preview prepare(PrepareBroadcastCommand command) {
        admins.require(command.actor());
        // every rule is checked before anything is saved: a refused draft leaves nothing behind
        Broadcast draft = TariffAdministration.valid(() -> Broadcast.draft(broadcasts.nextId(), command.actor(), command.text(),
                command.audience(), command.withinDays(), command.photo(), clock.instant()));
        broadcasts.save(draft);
        return preview(draft);
    }

    @Override
    public Preview withButton(UserId actor, long broadcastId, String label, String url) {
        admins.require(actor);
        LinkButton button = TariffAdministration.valid(() -> new LinkButton(label, url));
        Broadcast draft = existing(broadcastId);
        if (draft.status() != Broadcast.Status.DRAFT) throw new Refusal(Refusal.Reason.INVALID_INPUT, "broadcast " + broadcastId + " is no longer a draft");
        Broadcast withButton = draft.withButton(button);
        broadcasts.save(withButton);
        return preview(withButton);
    }

    private Preview preview(Broadcast draft) {
        return new Preview(draft, audiences.count(draft.audience(), draft.withinDays(), clock.instant()));
    }

    @Override
    public Broadcast confirm(UserId actor, long broadcastId) {
        admins.require(actor);
        return change(broadcastId, b -> b.status() == Broadcast.Status.DRAFT ? b.start() : b);
    }

    @Override
    public Broadcast cancel(UserId actor, long broadcastId) {
        admins.require(actor);
        return change(broadcastId, b -> b.status() == Broadcast.Status.DONE || b.status() == Broadcast.Status.CANCELLED ? b : b.cancel());
    }

    @Override
    public Broadcast progress(UserId actor, long broadcastId) {
        admins.require(actor);
        return existing(broadcastId);
    }

    @Override
    public int sendNextBatch() {
        int attempted = 0;
        for (Broadcast broadcast : broadcasts.sending()) {
            attempted += sendBatch(broadcast);
        }
        return attempted;
    }

    private int sendBatch(Broadcast broadcast) {
        List<UserId> recipients = audiences.page(broadcast.audience(), broadcast.withinDays(), clock.instant(), broadcast.lastRecipient(), batchSize);
        if (recipients.isEmpty()) {
            Broadcast done = change(broadcast.id(), b -> b.status() == Broadcast.Status.SENDING ? b.finish() : b);
            if (done.status() == Broadcast.Status.DONE) channel.reportFinished(Recipient.of(done.author(), users.find(done.author())), done);
            return 0;
        }
        int sent = 0, blocked = 0, failed = 0;
        List<CompletableFuture<BroadcastChannel.Delivery>> underWay = new ArrayList<>(recipients.size());
        for (UserId recipient : recipients) {
            // each message starts as soon as it is claimed: the channel's rate limit paces the batch, not each round trip
            if (ledger.claim("broadcast:" + broadcast.id(), "user:" + recipient.telegramId())) {
                underWay.add(channel.start(recipient, broadcast));
            }
        }
        for (CompletableFuture<BroadcastChannel.Delivery> delivery : underWay) {
            switch (delivery.join()) {
                case SENT -> sent++;
                case BLOCKED -> blocked++;
                case FAILED -> failed++;
            }
        }
        long cursor = recipients.get(recipients.size() - 1).telegramId();
        int s = sent, bl = blocked, f = failed;
        change(broadcast.id(), b -> b.status() == Broadcast.Status.SENDING ? b.progressed(s, bl, f, cursor) : b);
        return recipients.size();
    }

    private Broadcast change(long id, java.util.function.UnaryOperator<Broadcast> transition) {
        return transactions.inTransaction(() -> {
            Broadcast changed = transition.apply(existing(id));
            broadcasts.save(changed);
            return changed;
        });
    }

    private Broadcast existing(long id) {
        return broadcasts.find(id).orElseThrow(() -> new Refusal(Refusal.Reason.BROADCAST_NOT_FOUND, "broadcast " + id));
    }
}
