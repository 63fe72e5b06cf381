package dev.vpnbot.adapter.simulated;

import dev.vpnbot.application.contract.AbstractPaymentGatewayContractTest;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.domain.order.PublicOrderId;

/** The {@code PaymentGateway} contract on the simulated gateway the sandbox and the tests use. */
class SimulatedPaymentGatewayContractTest extends AbstractPaymentGatewayContractTest {
    private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();

    @Override
    protected PaymentGateway gateway() {
        return gateway;
    }

    @Override
    protected void buyerPaysInFull(PublicOrderId order) {
        gateway.payInFull(order);
    }
}
