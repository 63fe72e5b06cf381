package dev.vpnbot.adapter.heleket;

import dev.vpnbot.adapter.heleket.fake.FakeHeleket;
import dev.vpnbot.application.contract.AbstractPaymentGatewayContractTest;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.domain.order.PublicOrderId;
import org.junit.jupiter.api.AfterEach;

/** The {@code PaymentGateway} contract every gateway keeps, on the Heleket adapter against the fake Heleket. */
class HeleketPaymentGatewayContractTest extends AbstractPaymentGatewayContractTest {
    private static final String CALLBACK = "http://127.0.0.1:9/webhooks/heleket"; // nobody listens: webhooks are not the point here

    private final FakeHeleket heleket = FakeHeleket.start();
    private final HeleketPaymentGateway gateway = new HeleketPaymentGateway(heleket.settings(CALLBACK));

    @AfterEach
    void stop() {
        heleket.close();
    }

    @Override
    protected PaymentGateway gateway() {
        return gateway;
    }

    @Override
    protected void buyerPaysInFull(PublicOrderId order) {
        heleket.pay(order.value());
    }
}
