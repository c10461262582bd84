package dev.listwire.common.function;

import dev.listwire.common.delivery.DeliveryLedger;
import dev.listwire.common.delivery.EventLedger;
import dev.listwire.common.links.Links;
import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.mail.EmailRenderer;
import dev.listwire.common.mail.HeaderValues;
import dev.listwire.common.mail.ListMessages;
import dev.listwire.common.mail.SendResult;
import dev.listwire.common.mail.SmtpConnection;
import dev.listwire.common.mail.TransientSendFailure;
import dev.listwire.common.manifest.ListKind;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.members.Member;
import dev.listwire.common.members.MemberTable;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sends one event to every member who should get it: pages through the list's table, and for each
 * member claims the delivery in the ledger, renders, sends over the batch's SMTP connection and marks
 * it sent. Stops at the first passing failure, so that the message is retried and the ledger makes the
 * retry send only to those not yet sent.
 */
@Singleton
final class EventFanOut {

    private final ListManifest list;
    private final String table;
    private final MemberTable members;
    private final DeliveryLedger ledger;
    private final EmailRenderer renderer;
    private final ListMessages messages;
    private final Links links;
    private final Session session;
    private final JsonLines log;

    EventFanOut(ListManifest list, FunctionConfiguration configuration, MemberTable members, DeliveryLedger ledger,
                EmailRenderer renderer, ListMessages messages, Links links, SessionProvider sessions, JsonLines log) {
        this.list = list;
        this.table = configuration.membersTable(list.name());
        this.members = members;
        this.ledger = ledger;
        this.renderer = renderer;
        this.messages = messages;
        this.links = links;
        this.session = sessions.session();
        this.log = log;
    }

    Session session() {
        return session;
    }

    ListManifest list() {
        return list;
    }

    <T> void send(EventIdentity id, T event, MemberFilter<T> filter, SmtpConnection smtp, SendPacer pacer,
                  EventReport report) {
        EventLedger deliveries = ledger.open(list.name(), id.eventId(), Duration.ofSeconds(list.tuning().timeoutSeconds()));
        try (Stream<Member> all = members.members(table)) {
            Iterator<Member> it = all.iterator();
            while (it.hasNext()) {
                Member member = it.next();
                report.seen();
                if (!sendTo(member, id, event, filter, smtp, pacer, deliveries, report)) {
                    return;
                }
            }
        } finally {
            deliveries.flush();
        }
    }

    /** @return false when sending must stop for this message (a passing failure) */
    private <T> boolean sendTo(Member member, EventIdentity id, T event, MemberFilter<T> filter, SmtpConnection smtp,
                               SendPacer pacer, EventLedger deliveries, EventReport report) {
        if (member.isUnsubscribed()) {
            report.skipped(EventReport.UNSUBSCRIBED);
            return true;
        }
        if (!filter.wants(member, event)) {
            report.skipped(EventReport.FILTERED);
            return true;
        }
        Optional<InternetAddress> address = address(member.email());
        if (address.isEmpty()) {
            report.skipped(EventReport.INVALID_ADDRESS);
            log.warn("recipient-skipped", recipient(id, member.email(), Map.of("reason", EventReport.INVALID_ADDRESS)));
            return true;
        }
        switch (deliveries.claim(member.email())) {
            case ALREADY_DONE -> {
                report.skipped(EventReport.ALREADY_SENT);
                return true;
            }
            case HELD_ELSEWHERE -> {
                report.heldElsewhere();
                return true;
            }
            case CLAIMED -> {
                return deliver(member, address.get(), id, event, smtp, pacer, deliveries, report);
            }
            default -> throw new IllegalStateException("unknown claim");
        }
    }

    private <T> boolean deliver(Member member, InternetAddress to, EventIdentity id, T event, SmtpConnection smtp,
                                SendPacer pacer, EventLedger deliveries, EventReport report) {
        SendResult result;
        try {
            MimeMessage message = compose(member, to, id, event);
            pacer.await();
            result = smtp.send(message, to);
        } catch (TransientSendFailure e) {
            deliveries.release(member.email());
            report.failed("send to " + member.email() + " failed: " + e.getMessage());
            log.warn("send-failed", recipient(id, member.email(), Map.of("smtpReply", e.getMessage())));
            return false;
        } catch (MessagingException | RuntimeException e) {
            deliveries.release(member.email());
            report.failed("cannot build the email for " + member.email() + ": " + e.getMessage());
            log.error("compose-failed", recipient(id, member.email(), Map.of("error", String.valueOf(e))));
            return false;
        }
        if (result instanceof SendResult.Rejected rejected) {
            deliveries.rejected(member.email(), rejected.reply());
            report.skipped(EventReport.REJECTED);
            log.warn("recipient-skipped", recipient(id, member.email(),
                    Map.of("reason", EventReport.REJECTED, "smtpReply", rejected.reply())));
        } else {
            deliveries.sent(member.email());
            report.sent();
            log.debug("recipient-sent", recipient(id, member.email(), Map.of()));
        }
        return true;
    }

    private <T> MimeMessage compose(Member member, InternetAddress to, EventIdentity id, T event)
            throws MessagingException {
        Optional<String> unsubscribe = list.kind() == ListKind.SUBSCRIPTION
                ? Optional.of(links.unsubscribe(list.name(), member.email())) : Optional.empty();
        Map<String, Object> linkModel = new LinkedHashMap<>();
        unsubscribe.ifPresent(u -> linkModel.put("unsubscribe", u));
        linkModel.put("preferences", links.preferences(member.email()));
        Map<String, Object> model = Map.of("event", event, "subscriber", member.attributes(), "list", list,
                "links", linkModel);
        return messages.compose(session, list, id.eventId(), to, renderer.render(list.name(), model), unsubscribe);
    }

    private Map<String, Object> recipient(EventIdentity id, String email, Map<String, Object> extra) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("list", list.name());
        fields.put("eventId", id.eventId());
        fields.put("messageId", id.messageId());
        fields.put("recipient", email);
        fields.putAll(extra);
        return fields;
    }

    /** A member's address, when it is one a server could deliver to and holds no line break. */
    static Optional<InternetAddress> address(String email) {
        if (email == null || HeaderValues.hasLineBreak(email) || email.indexOf('@') < 1) {
            return Optional.empty();
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            return address.getPersonal() == null && address.getAddress().equals(email)
                    ? Optional.of(address) : Optional.empty();
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
