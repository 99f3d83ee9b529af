package org.flowfield.runs.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Run updates between servers through PostgreSQL's LISTEN/NOTIFY. Each server sends with
 * {@code pg_notify} on a pooled connection (after the commit when a transaction is open, so that
 * the other servers read what it wrote) and listens on a connection of its own, polled by a daemon
 * thread that reconnects after the database restarts. Every message carries the sending server's
 * id, so a server skips its own (it has delivered them already).
 */
@Component
@Conditional(PostgresRunUpdateChannel.OnPostgreSql.class)
public class PostgresRunUpdateChannel implements RunUpdateChannel, DisposableBean {

    static final String CHANNEL = "flowfield_run_updates";

    private static final Logger log = LoggerFactory.getLogger(PostgresRunUpdateChannel.class);
    private static final int POLL_MILLIS = 250;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final Duration FIRST_LISTEN_WAIT = Duration.ofSeconds(10);

    /** Servers sharing a database: the URL names PostgreSQL. */
    static class OnPostgreSql implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
        }
    }

    private final String sender = UUID.randomUUID().toString();
    private final DataSource dataSource;
    private final StoredEpochs epochs;
    private final String url;
    private final Properties credentials = new Properties();
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile boolean running = true;
    private Thread listener;

    public PostgresRunUpdateChannel(DataSource dataSource, StoredEpochs epochs, @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String username, @Value("${spring.datasource.password:}") String password) {
        this.dataSource = dataSource;
        this.epochs = epochs;
        this.url = url;
        credentials.setProperty("user", username);
        credentials.setProperty("password", password);
        credentials.setProperty("tcpKeepAlive", "true");
        credentials.setProperty("ApplicationName", "flowfield run updates");
    }

    @Override
    public void send(RunUpdate update) {
        Optional<String> message = RunUpdateMessages.encode(sender, update);
        if (message.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        notifyOthers(message.get());
                    }
                }
            });
        } else {
            notifyOthers(message.get());
        }
    }

    private void notifyOthers(String message) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, message);
            notify.execute();
        } catch (SQLException e) {
            log.warn("could not send a run update to the other servers: {}", e.toString());
        }
    }

    /** Starts listening, and waits (bounded) until the first LISTEN is in place. */
    @Override
    public void open(Receiver receiver) {
        listener = Thread.ofPlatform().daemon().name("run-updates-listener").start(() -> listen(receiver));
        try {
            if (!listening.await(FIRST_LISTEN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("not yet listening for other servers' run updates; retrying in the background");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen(Receiver receiver) {
        boolean connectedBefore = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, credentials)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (connectedBefore) {
                    log.info("listening for other servers' run updates again");
                    receiver.missedSome();
                }
                connectedBefore = true;
                listening.countDown();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(POLL_MILLIS);
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            receive(notification.getParameter(), receiver);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("lost the connection for other servers' run updates ({}); reconnecting", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void receive(String message, Receiver receiver) {
        RunUpdateMessages.decode(message).filter(incoming -> !incoming.sender().equals(sender)).ifPresent(incoming -> {
            try {
                incoming.update(epochs).ifPresent(receiver::received);
            } catch (RuntimeException e) {
                log.warn("could not deliver another server's update of run {}: {}", incoming.runId(), e.toString());
            }
        });
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_DELAY);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        if (listener != null) {
            listener.join(Duration.ofSeconds(5));
        }
    }
}
