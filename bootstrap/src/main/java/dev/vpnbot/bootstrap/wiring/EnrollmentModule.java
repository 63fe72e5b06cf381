package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoMap;
import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase;
import dev.vpnbot.application.port.in.enrollment.EnrollServerUseCase;
import dev.vpnbot.application.port.in.enrollment.ProcessQueuedEnrollmentsUseCase;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.enrollment.EnrollmentTokens;
import dev.vpnbot.application.port.out.enrollment.QueuedEnrollments;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.admin.EnrollmentTokenIssuing;
import dev.vpnbot.application.service.admin.ServerEnrollment;
import dev.vpnbot.bootstrap.http.enrollment.NodeEnrollmentEndpoint;
import dev.vpnbot.bootstrap.http.Route;
import dev.vpnbot.bootstrap.http.WebHandler;
import dev.vpnbot.bootstrap.http.WebReply;
import java.time.Clock;
import java.time.Duration;

/**
 * Node enrolment (deploy/node/install.sh): the token use cases, {@code POST /nodes/enroll}, and
 * the database route's queue, which {@link SchedulerModule} works through every {@link #QUEUE_INTERVAL}.
 */
public final class EnrollmentModule extends AbstractModule {
    static final Duration QUEUE_INTERVAL = Duration.ofSeconds(15);
    /** Each request probes a panel and may wait for its timeouts: a few per turn. */
    static final int QUEUE_BATCH = 5;

    @Override
    protected void configure() {
        Autowire.singleton(binder(), ServerEnrollment.class);
    }

    @Provides
    @Singleton
    EnrollServerUseCase enroll(ServerEnrollment enrollment) {
        return enrollment;
    }

    @Provides
    @Singleton
    ProcessQueuedEnrollmentsUseCase queued(ServerEnrollment enrollment) {
        return enrollment;
    }

    @Provides
    @Singleton
    IssueEnrollmentTokenUseCase tokens(Admins admins, EnrollmentTokens tokens, Clock clock) {
        return issuing(admins, tokens, clock);
    }

    static IssueEnrollmentTokenUseCase issuing(Admins admins, EnrollmentTokens tokens, Clock clock) {
        return new EnrollmentTokenIssuing(admins, tokens, clock, EnrollmentTokenIssuing.DEFAULT_LIFETIME);
    }

    @ProvidesIntoMap
    @RouteKey(Route.NODE_ENROLL)
    WebHandler enrollRoute(EnrollServerUseCase enrollment) {
        NodeEnrollmentEndpoint endpoint = new NodeEnrollmentEndpoint(enrollment);
        return request -> {
            NodeEnrollmentEndpoint.Reply reply = endpoint.handle(request.body(), request.client());
            return WebReply.json(reply.status(), reply.json());
        };
    }
}
