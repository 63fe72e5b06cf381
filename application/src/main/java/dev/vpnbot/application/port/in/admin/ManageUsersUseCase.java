package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Use case (admins only): look a user up and give them time by hand. A grant is an order of
 * price zero whose public id names the admin ("grant-&lt;admin id&gt;-&lt;order id&gt;"), so it is
 * fulfilled by the same exactly-once path as a sale and stays on record.
 */
public interface ManageUsersUseCase {

    record UserDossier(User user, List<VpnKey> keys, List<Order> orders) {}

    /** By Telegram id ("123456") or username ("@name" or "name"). */
    Optional<UserDossier> findUser(UserId actor, String query);

    /** A new key on a server for the tariff's length. Returns the grant order (paid, queued). */
    Order grantNewKey(UserId actor, UserId user, TariffId tariffId, ServerId serverId);

    /** More time on an existing key for the tariff's length. */
    Order grantExtension(UserId actor, KeyId keyId, TariffId tariffId);
}
