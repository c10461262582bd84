package dev.listwire.common.mail;

import dev.listwire.common.links.DeliveryRefs;
import dev.listwire.common.manifest.ListManifest;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds a list email: a plain-text and an HTML part, and the headers every list email carries:
 * {@code Message-ID} from (list, event, recipient), {@code List-Id} (RFC 2919), and for lists members
 * may leave, {@code List-Unsubscribe} with {@code List-Unsubscribe-Post} (RFC 8058), and on every email of a
 * list's event, {@code X-Listwire-Delivery}: the signed (list, event, member) that bounces and complaints quote.
 */
@Singleton
public final class ListMessages {

    /** Read back by the feedback function from the headers a DSN or ARF report quotes. */
    public static final String DELIVERY_HEADER = "X-Listwire-Delivery";

    private static final int MAX_LINE = 998;

    private final DeliveryRefs deliveries;
    private final DateHeader dates = new DateHeader(Clock.systemUTC());
    private volatile Sender sender;

    public ListMessages(DeliveryRefs deliveries) {
        this.deliveries = deliveries;
    }

    public MimeMessage compose(Session session, ListEmail listEmail) throws MessagingException {
        ListManifest list = listEmail.list();
        InternetAddress to = listEmail.to();
        RenderedEmail email = listEmail.content();
        Optional<String> unsubscribeUrl = listEmail.headers().unsubscribeUrl();
        Sender ofList = sender(list);
        MimeMessage message = new FixedIdMimeMessage(
                session, MessageIds.of(list.name(), listEmail.eventId(), to.getAddress(), ofList.domain()));
        message.setHeader("From", ofList.from());
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(HeaderValues.singleLine(email.subject()), "UTF-8");
        message.setHeader("Date", dates.now());
        message.setHeader("List-Id", ofList.listId());
        if (unsubscribeUrl.isPresent()) {
            message.setHeader("List-Unsubscribe", "<" + HeaderValues.singleLine(unsubscribeUrl.get()) + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        Optional<String> delivery =
                listEmail.headers().delivery().map(deliveries::sign).filter(ListMessages::fitsOneLine);
        if (delivery.isPresent()) {
            message.setHeader(DELIVERY_HEADER, delivery.get());
        }
        MimeMultipart body = new MimeMultipart("alternative");
        body.addBodyPart(part(email.text(), "plain"));
        body.addBodyPart(part(email.html(), "html"));
        message.setContent(body);
        message.saveChanges();
        return message;
    }

    /**
     * A part whose bytes are encoded here, once, in the transfer encoding chosen from the string in one
     * pass: {@code 7bit} for printable ASCII in lines SMTP takes whole (most list emails, its bytes the
     * string's own), quoted-printable for anything else (UTF-8 text, a line past 998 octets). Jakarta Mail
     * writes a part made of encoded bytes as they are. A part made from a string it would encode again on
     * every write, through the text's data handler and a charset encoder: on the send loop, per email.
     */
    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        boolean sevenBit = isSevenBit(content);
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", "text/" + subtype + "; charset=UTF-8");
        headers.setHeader("Content-Transfer-Encoding", sevenBit ? "7bit" : "quoted-printable");
        return new MimeBodyPart(
                headers, sevenBit ? content.getBytes(StandardCharsets.US_ASCII) : quotedPrintable(content));
    }

    private static byte[] quotedPrintable(String content) throws MessagingException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(content.length() * 3 / 2);
        try (OutputStream out = MimeUtility.encode(encoded, "quoted-printable")) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MessagingException("could not encode a part as quoted-printable", e);
        }
        return encoded.toByteArray();
    }

    /** RFC 5322 section 2.1.1 and RFC 2045 section 2.7: ASCII without NUL or bare controls, lines of at most 998. */
    static boolean isSevenBit(String content) {
        int line = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\n' || c == '\r') {
                line = 0;
            } else if (c >= 0x7f || (c < 0x20 && c != '\t') || ++line > MAX_LINE) {
                return false;
            }
        }
        return true;
    }

    /**
     * The list's own headers, the same on each of its emails: made on its first email and kept, since a
     * list function sends for one list.
     */
    private Sender sender(ListManifest list) throws MessagingException {
        Sender kept = sender;
        if (kept != null && kept.list() == list) {
            return kept;
        }
        String domain = domainOf(list.from().address());
        String from;
        try {
            // As setFrom writes it: encoded, and folded after "From: ".
            InternetAddress address = new InternetAddress(
                    list.from().address(), HeaderValues.singleLine(list.from().name()), "UTF-8");
            from = InternetAddress.toString(new Address[] {address}, "From: ".length());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
        kept = new Sender(list, domain, from, listId(list, domain));
        sender = kept;
        return kept;
    }

    /** A list's {@code From} and {@code List-Id} header values, and its sender's domain. */
    private record Sender(ListManifest list, String domain, String from, String listId) {}

    private static String listId(ListManifest list, String domain) throws MessagingException {
        String title = HeaderValues.singleLine(list.title()).replace("\"", "'").replace("\\", "");
        try {
            String phrase = MimeUtility.encodeWord(title, "UTF-8", "Q");
            if (phrase.equals(title)) {
                phrase = "\"" + title + "\"";
            }
            return MimeUtility.fold("List-Id: ".length(), phrase + " <" + list.name() + "." + domain + ">");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
    }

    /**
     * A token has no space to fold at, and SMTP refuses lines past 998 octets (RFC 5322 section 2.1.1). Only an
     * event id of a few hundred non-ASCII characters comes near it: that email goes without the header (its
     * bounces are then not understood) rather than not at all.
     */
    private static boolean fitsOneLine(String token) {
        return DELIVERY_HEADER.length() + 2 + token.length() <= MAX_LINE;
    }

    static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Jakarta Mail makes up a new Message-ID on every save; a list email keeps its derived one. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
