package care.homeprogram.notifications.service;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.SentMail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.mailer.runtime.MailerRuntimeConfig;
import io.quarkus.mailer.runtime.MailerSupport;
import io.quarkus.mailer.runtime.Mailers;
import io.quarkus.mailer.runtime.MailersRuntimeConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The ways an email leaves this service: {@code homeprogram.email.lanes} lanes, each one Vert.x event loop with a
 * mailer of its own (its own mail client and pool of kept-alive SMTP connections). One event loop drove every SMTP
 * connection before, and it was what limited how many emails a second one replica sends (docs/notifications.md,
 * "Sending to SMTP over lanes").
 * <p>
 * Every lane's mailer is made by Quarkus's own mailer code ({@link Mailers}, as for the injected mailer) from the
 * one {@code quarkus.mailer.*} configuration: host, port, TLS and STARTTLS, trust store or TLS registry
 * configuration, login and credentials, DKIM, mock and approved recipients. The one difference is the pool: the lanes
 * share {@code quarkus.mailer.max-pool-size} connections, so the service never opens more than configured.
 * <p>
 * A lane's sends all start on its event loop. The Vert.x mail client keeps each pooled connection's protocol state
 * (the handler waiting for the server's next reply, the write queue's drain handler) in plain fields and runs a send's
 * steps on the context it was called from; a connection of one lane is therefore only ever touched by that lane's
 * thread, as the single event loop guaranteed before.
 */
@ApplicationScoped
public class SmtpLanes {
    private static final Logger LOG = Logger.getLogger(SmtpLanes.class);

    private final List<Lane> lanes = new ArrayList<>();
    private final List<Mailers> mailers = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    /** One event loop and the mailer whose connections only it drives. */
    private record Lane(Context context, ReactiveMailer mailer) {
    }

    public SmtpLanes(Vertx vertx, io.vertx.mutiny.core.Vertx mutinyVertx, MailersRuntimeConfig mailerConfig,
            TlsConfigurationRegistry tlsRegistry, Event<SentMail> sentMail,
            @ConfigProperty(name = "homeprogram.email.lanes", defaultValue = "4") int laneCount) {
        if (laneCount < 1) {
            throw new IllegalArgumentException("homeprogram.email.lanes must be at least 1, was " + laneCount);
        }
        MailerRuntimeConfig configured = mailerConfig.mailers().get(Mailers.DEFAULT_MAILER_NAME);
        int poolPerLane = Math.max(1, (configured.maxPoolSize() + laneCount - 1) / laneCount);
        MailersRuntimeConfig laneConfig = onlyDefaultMailer(withMaxPoolSize(configured, poolPerLane));
        List<EventLoop> eventLoops = eventLoops((VertxInternal) vertx);
        for (int i = 0; i < laneCount; i++) {
            Mailers laneMailers = new Mailers(vertx, mutinyVertx, laneConfig, LaunchMode.current(),
                    new MailerSupport(true, Set.of()), tlsRegistry, sentMail);
            mailers.add(laneMailers);
            lanes.add(new Lane(newContext((VertxInternal) vertx, eventLoops.get(i % eventLoops.size())),
                    laneMailers.reactiveMailerFromName(Mailers.DEFAULT_MAILER_NAME)));
        }
        LOG.infof("%d SMTP lane(s) over %d event loop(s), %d connection(s) each", laneCount,
                Math.min(laneCount, eventLoops.size()), poolPerLane);
    }

    /** How many lanes there are. */
    public int size() {
        return lanes.size();
    }

    /**
     * Sends emails over the lanes, round robin. Each lane's share starts in one task on the lane's event loop (not one
     * task per email: a task is a wake-up of that thread, so a batch of 100 emails over 4 lanes costs 4 of them), and
     * not on the calling thread, so nothing of the caller's context (its transaction) travels with the sends: the
     * transaction stays on the dispatcher's thread, which alone commits it.
     *
     * @return each email's outcome, in the order of {@code mails}: the failure, if the SMTP server did not accept it
     */
    public List<CompletableFuture<Optional<Throwable>>> send(List<Mail> mails) {
        List<CompletableFuture<Optional<Throwable>>> outcomes = new ArrayList<>(mails.size());
        List<List<Integer>> shares = new ArrayList<>(lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            shares.add(new ArrayList<>());
        }
        int first = next.getAndAdd(mails.size());
        for (int i = 0; i < mails.size(); i++) {
            outcomes.add(new CompletableFuture<>());
            shares.get(Math.floorMod(first + i, lanes.size())).add(i);
        }
        for (int l = 0; l < lanes.size(); l++) {
            List<Integer> share = shares.get(l);
            if (share.isEmpty()) {
                continue;
            }
            Lane lane = lanes.get(l);
            lane.context().runOnContext(ignored -> {
                for (int i : share) {
                    CompletableFuture<Optional<Throwable>> outcome = outcomes.get(i);
                    try {
                        lane.mailer().send(mails.get(i)).subscribe().with(sent -> outcome.complete(Optional.empty()),
                                failure -> outcome.complete(Optional.of(failure)));
                    } catch (RuntimeException refused) {
                        // one email the mailer refuses outright must not keep the rest of the lane's share unsent
                        outcome.complete(Optional.of(refused));
                    }
                }
            });
        }
        return outcomes;
    }

    @PreDestroy
    void close() {
        mailers.forEach(Mailers::stop);
    }

    private static List<EventLoop> eventLoops(VertxInternal vertx) {
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : vertx.getEventLoopGroup()) {
            loops.add((EventLoop) executor);
        }
        return loops;
    }

    private static Context newContext(VertxInternal vertx, EventLoop eventLoop) {
        return vertx.createEventLoopContext(eventLoop, vertx.getWorkerPool(),
                Thread.currentThread().getContextClassLoader());
    }

    /** The mailer configuration as configured, but for the pool size. */
    private static MailerRuntimeConfig withMaxPoolSize(MailerRuntimeConfig configured, int maxPoolSize) {
        return (MailerRuntimeConfig) Proxy.newProxyInstance(MailerRuntimeConfig.class.getClassLoader(),
                new Class<?>[] { MailerRuntimeConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("maxPoolSize") && method.getParameterCount() == 0) {
                        return maxPoolSize;
                    }
                    return invoke(configured, method, args);
                });
    }

    /** Mailer configuration with the default mailer alone (the lanes need no named mailers). */
    private static MailersRuntimeConfig onlyDefaultMailer(MailerRuntimeConfig defaultMailer) {
        Map<String, MailerRuntimeConfig> only = Map.of(Mailers.DEFAULT_MAILER_NAME, defaultMailer);
        return (MailersRuntimeConfig) Proxy.newProxyInstance(MailersRuntimeConfig.class.getClassLoader(),
                new Class<?>[] { MailersRuntimeConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("mailers") && method.getParameterCount() == 0) {
                        return only;
                    }
                    if (method.getName().equals("toString") && method.getParameterCount() == 0) {
                        return "SMTP lane mailer configuration";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
