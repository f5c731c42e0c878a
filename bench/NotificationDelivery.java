import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Client side of bench/notification-delivery.sh: queues email notifications in the application's
 * database, waits until the application's delivery worker has sent them all to its in-process
 * SMTP server, prints messages per second; then the floor: the same messages (as the SMTP server
 * received them) sent again with bare Jakarta Mail over one SMTP connection to the same server.
 *
 * <pre>
 * java -cp postgresql.jar:jakarta.mail-api.jar:angus-mail.jar:jakarta.activation-api.jar:angus-activation.jar \
 *   bench/NotificationDelivery.java --jdbc-url URL --user postgres --smtp-port N [--messages 10000] [--runs 3]
 *   [--recipients 100]
 * </pre>
 *
 * The database password comes from PGPASSWORD.
 */
public class NotificationDelivery {

    static final String KIND = "health.alert-raised";

    public static void main(String[] args) throws Exception {
        String url = null;
        String user = "postgres";
        int smtpPort = 0;
        int messages = 10_000;
        int runs = 3;
        int recipients = 100;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jdbc-url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--smtp-port" -> smtpPort = Integer.parseInt(args[++i]);
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--recipients" -> recipients = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        try (Connection db = DriverManager.getConnection(url, user, System.getenv("PGPASSWORD"))) {
            recipients(db, recipients);
            List<Double> worker = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Run result = run(db, run, messages, recipients);
                worker.add(result.rate());
                System.out.printf("Run %d  worker: %,d messages queued in one commit; first SENT %.1f s after it, all"
                        + " %.1f s after it; sending took %.1f s (first to last SENT) = %,.0f messages/s%n", run,
                        messages, result.firstSentMs() / 1000.0, result.endToEndMs() / 1000.0,
                        result.sendingMs() / 1000.0, result.rate());
                System.out.printf("       check:  %,d messages at the SMTP server for %,d deliveries, %,d distinct"
                        + " Message-IDs, %,d deliveries with more than one attempt%n", result.received(), messages,
                        result.distinctIds(), result.retried());
                double floorRate = floor(db, result.firstMailId(), smtpPort);
                floor.add(floorRate);
                System.out.printf("       floor:  the same %,d messages, bare Jakarta Mail on one SMTP connection:"
                        + " %,.0f messages/s; worker / floor time %.1fx%n%n", result.received(), floorRate,
                        floorRate / result.rate());
            }
            double w = median(worker);
            double f = median(floor);
            System.out.printf("Median of %d runs: worker %,.0f messages/s, floor %,.0f messages/s, ratio %.1fx"
                    + " (best worker run %,.0f messages/s)%n", runs, w, f, f / w,
                    worker.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
    }

    record Run(long endToEndMs, long firstSentMs, long sendingMs, double rate, long received, long distinctIds,
            long retried, long firstMailId) {
    }

    /** Bench recipients bench-mail-001 … (created once; no password, they never sign in). */
    static void recipients(Connection db, int count) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into app_user (username, full_name, email, role, password_hash, time_zone)
                select 'bench-mail-' || lpad(g::text, 3, '0'), 'Bench Recipient ' || g,
                  'bench-mail-' || lpad(g::text, 3, '0') || '@firm.example', 'ACCOUNT_MANAGER', 'x', 'America/New_York'
                from generate_series(1, ?) g
                where not exists (select 1 from app_user u where u.username = 'bench-mail-' || lpad(g::text, 3, '0'))""")) {
            insert.setInt(1, count);
            insert.executeUpdate();
        }
    }

    static Run run(Connection db, int run, int messages, int recipients) throws Exception {
        long firstMailId = single(db, "select coalesce(max(id), 0) + 1 from sent_mail");
        String occasion = "bench-" + System.currentTimeMillis() + "-" + run;
        long minId;
        long maxId;
        db.setAutoCommit(false);
        try (PreparedStatement queue = db.prepareStatement("""
                with users as (
                  select id, row_number() over (order by id) - 1 as n from app_user where username like 'bench-mail-%'
                ), notices as (
                  insert into notification (recipient_id, kind, severity, record_type, record_id, occasion, title,
                    body, link, actor, created_at)
                  select u.id, ?, 'HIGH', 'health_alert', g, ? || '-' || g,
                    'Bench Account ' || g || ': payment 45 days overdue',
                    'Invoice INV-' || g || ' for $48,500.00 is 45 days overdue. Average days to pay over the last'
                      || ' 12 months: 38 (was 21). The account''s health fell from 72 to 58.',
                    '/accounts/' || g || '/health', 'system', now()
                  from generate_series(1, ?) g join users u on u.n = g % ?
                  returning id)
                insert into notification_delivery (notification_id, channel, status, due_at, created_at)
                select id, 'EMAIL', 'QUEUED', now(), now() from notices returning id""")) {
            queue.setString(1, KIND);
            queue.setString(2, occasion);
            queue.setInt(3, messages);
            queue.setInt(4, recipients);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = queue.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            minId = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
            maxId = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
            if (ids.size() != messages || maxId - minId + 1 != messages) {
                throw new IllegalStateException("expected " + messages + " contiguous deliveries, got " + ids.size());
            }
        }
        db.commit();
        long committed = System.nanoTime();
        long committedAt = System.currentTimeMillis();
        db.setAutoCommit(true);
        String range = " from notification_delivery where id between " + minId + " and " + maxId;
        long deadline = committed + 30L * 60 * 1_000_000_000L;
        while (single(db, "select count(*)" + range + " and status = 'SENT'") < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all sent after 30 minutes");
            }
            if (single(db, "select count(*)" + range + " and status = 'FAILED'") > 0) {
                throw new IllegalStateException("deliveries failed; see the application's log");
            }
            Thread.sleep(100);
        }
        long endToEndMs = (System.nanoTime() - committed) / 1_000_000;
        Timestamp first;
        Timestamp last;
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("select min(sent_at), max(sent_at)" + range)) {
            rs.next();
            first = rs.getTimestamp(1);
            last = rs.getTimestamp(2);
        }
        long sendingMs = Math.max(1, (last.getTime() - first.getTime()));
        long retried = single(db, "select count(*)" + range + " and attempts > 1");
        long received = single(db, "select count(*) from sent_mail where id >= " + firstMailId);
        long distinct = single(db, "select count(distinct message_id) from sent_mail where id >= " + firstMailId);
        return new Run(endToEndMs, first.getTime() - committedAt, sendingMs, (messages - 1) * 1000.0 / sendingMs,
                received, distinct, retried,
                firstMailId);
    }

    /** Sends the messages received since {@code firstMailId} again, on one connection; messages/s. */
    static double floor(Connection db, long firstMailId, int smtpPort) throws Exception {
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> messages = new ArrayList<>();
        List<Address[]> envelopes = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "select envelope_to, raw from sent_mail where id >= ? order by id")) {
            select.setLong(1, firstMailId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    envelopes.add(new Address[] { new InternetAddress(rs.getString(1)) });
                    messages.add(new MimeMessage(session, new ByteArrayInputStream(rs.getBytes(2))));
                }
            }
        }
        Transport transport = session.getTransport("smtp");
        long started = System.nanoTime();
        transport.connect("127.0.0.1", smtpPort, null, null);
        try {
            for (int i = 0; i < messages.size(); i++) {
                transport.sendMessage(messages.get(i), envelopes.get(i));
            }
        }
        finally {
            transport.close();
        }
        long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        return messages.size() * 1000.0 / ms;
    }

    static long single(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

}
