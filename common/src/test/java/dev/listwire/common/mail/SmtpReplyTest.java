package dev.listwire.common.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every reply read by its phase and enhanced status code. The rows are Gmail's documented replies
 * (support.google.com/a/answer/3726730, "Gmail SMTP errors and codes"), Amazon SES's (docs.aws.amazon.com,
 * "SMTP response codes returned by Amazon SES", "Errors related to the sending quotas"), greylisting as
 * Postfix's postgrey and others answer, and replies with no enhanced code. A code of 0 is no reply at all.
 */
class SmtpReplyTest {

    @ParameterizedTest(name = "{0} | {1} {2} | {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # The recipient, for good: the address (5.1.x) or mailbox (5.2.x) at RCPT, or at the end of the message
            RCPT_TO     | 550 | 550-5.1.1 The email account that you tried to reach does not exis... | ADDRESS_PERMANENT
            RCPT_TO     | 550 | 550 5.1.1 <bad@example.com>: Recipient address rejected: User unk... | ADDRESS_PERMANENT
            RCPT_TO     | 553 | 553 5.1.2 We weren't able to find the recipient domain. - gsmtp | ADDRESS_PERMANENT
            RCPT_TO     | 550 | 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by... | ADDRESS_PERMANENT
            RCPT_TO     | 550 | 550-5.2.1 The email account that you tried to reach is disabled.... | ADDRESS_PERMANENT
            END_OF_DATA | 550 | 550 5.1.1 The email account that you tried to reach does not exis... | ADDRESS_PERMANENT
            END_OF_DATA | 550 | 550 5.2.1 The email account that you tried to reach is disabled.... | ADDRESS_PERMANENT
            # The recipient, for now: greylisting, a full mailbox, receiving too fast
            RCPT_TO     | 450 | 450-4.2.1 The user you are trying to contact is receiving mail to... | ADDRESS_TRANSIENT
            RCPT_TO     | 452 | 452-4.2.2 The email account that you tried to reach is over quota... | ADDRESS_TRANSIENT
            RCPT_TO     | 552 | 552-5.2.2 The email account that you tried to reach is over quota... | ADDRESS_TRANSIENT
            RCPT_TO     | 450 | 450 4.2.0 <ada@example.com>: Recipient address rejected: Greylisted | ADDRESS_TRANSIENT
            RCPT_TO     | 451 | 451 4.3.0 Mail server temporarily rejected message. - gsmtp | ADDRESS_TRANSIENT
            RCPT_TO     | 450 | 450 Greylisted, please try again later | ADDRESS_TRANSIENT
            RCPT_TO     | 451 | 451 Temporary local problem - please try later | ADDRESS_TRANSIENT
            RCPT_TO     | 452 | 452 Requested action not taken: insufficient system storage | ADDRESS_TRANSIENT
            END_OF_DATA | 452 | 452 4.2.2 The email account that you tried to reach is over quota... | ADDRESS_TRANSIENT
            # Refused for good, but not said to be the mailbox: for now, and counted by the breaker
            RCPT_TO     | 550 | 550 5.7.1 The user or domain that you are sending to (or from) has... | ADDRESS_UNCLEAR
            RCPT_TO     | 550 | 550 Requested action not taken: mailbox unavailable | ADDRESS_UNCLEAR
            RCPT_TO     | 550 | 550 5.0.0 Recipient rejected | ADDRESS_UNCLEAR
            RCPT_TO     | 550 | 550 5.4.1 Recipient address rejected: Access denied | ADDRESS_UNCLEAR
            # The account or the connection: 421 anywhere
            CONNECT     | 421 | 421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp | ACCOUNT
            MAIL_FROM   | 421 | 421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originati... | ACCOUNT
            RCPT_TO     | 421 | 421 4.7.0 Temporary System Problem. Try again later. - gsmtp | ACCOUNT
            RCPT_TO     | 421 | 421 4.4.5 Server busy, try again later. - gsmtp | ACCOUNT
            END_OF_DATA | 421 | 421 Timeout waiting for data from client. | ACCOUNT
            # any 4.7.x
            RCPT_TO     | 450 | 450 4.7.1 Client host rejected: cannot find your hostname | ACCOUNT
            RCPT_TO     | 451 | 451 4.7.1 Please try again later | ACCOUNT
            AUTH        | 454 | 454 4.7.0 Too many login attempts, please try again later. - gsmtp | ACCOUNT
            END_OF_DATA | 451 | 451 4.7.650 The mail server [203.0.113.5] has been temporarily rate limited... | ACCOUNT
            # the account's sending limit (5.4.5), wherever it comes
            MAIL_FROM   | 550 | 550 5.4.5 Daily user sending quota exceeded. - gsmtp | ACCOUNT
            MAIL_FROM   | 550 | 550 5.4.5 Daily SMTP relay limit exceeded for user. - gsmtp | ACCOUNT
            RCPT_TO     | 550 | 550 5.4.5 Daily user sending quota exceeded. - gsmtp | ACCOUNT
            END_OF_DATA | 550 | 550 5.4.5 Daily user sending quota exceeded. - gsmtp | ACCOUNT
            # authentication and policy on the sender (5.7.x)
            AUTH        | 535 | 535-5.7.8 Username and Password not accepted. - gsmtp | ACCOUNT
            AUTH        | 535 | 535 Authentication Credentials Invalid | ACCOUNT
            MAIL_FROM   | 530 | 530-5.7.0 Authentication Required. - gsmtp | ACCOUNT
            MAIL_FROM   | 530 | 530 Must issue a STARTTLS command first | ACCOUNT
            MAIL_FROM   | 554 | 554 5.7.1 Sender address rejected: Access denied | ACCOUNT
            MAIL_FROM   | 550 | 550 5.7.1 Email quota exceeded. - gsmtp | ACCOUNT
            RCPT_TO     | 550 | 550 5.7.26 This mail has been blocked because the sender is unauthenticated... | ACCOUNT
            RCPT_TO     | 550 | 550 5.7.0 Mail relay denied. - gsmtp | ACCOUNT
            END_OF_DATA | 550 | 550 5.7.1 Our system has detected that this message is likely unsolicited m... | ACCOUNT
            # any failure at MAIL FROM or DATA, or at the end of the message without naming the mailbox
            MAIL_FROM   | 550 | 550 Sender rejected | ACCOUNT
            MAIL_FROM   | 451 | 451 Temporary service failure | ACCOUNT
            MAIL_FROM   | 454 | 454 Throttling failure: Maximum sending rate exceeded. | ACCOUNT
            MAIL_FROM   | 454 | 454 Throttling failure: Daily message quota exceeded. | ACCOUNT
            MAIL_FROM   | 553 | 553 5.1.8 Sender address domain does not exist | ACCOUNT
            DATA        | 554 | 554 5.5.1 Error: no valid recipients | ACCOUNT
            DATA        | 451 | 451 4.3.0 Mail server temporarily rejected message. - gsmtp | ACCOUNT
            END_OF_DATA | 554 | 554 Message rejected: Email address is not verified. The following identiti... | ACCOUNT
            END_OF_DATA | 552 | 552-5.3.4 Your message exceeded Google's message size limits. - gsmtp | ACCOUNT
            END_OF_DATA | 554 | 554 5.6.0 Mail message is malformed. Not accepted. - gsmtp | ACCOUNT
            END_OF_DATA | 451 | 451 4.3.0 Mail server temporarily rejected message. - gsmtp | ACCOUNT
            END_OF_DATA | 554 | 554 Transaction failed | ACCOUNT
            # at RCPT, codes that say nothing about the recipient
            RCPT_TO     | 454 | 454 4.5.0 SMTP protocol violation | ACCOUNT
            RCPT_TO     | 503 | 503 5.5.1 Error: need MAIL command | ACCOUNT
            RCPT_TO     | 554 | 554 Transaction failed | ACCOUNT
            # connecting and logging in, and no reply at all
            CONNECT     | 554 | 554 5.7.1 Service unavailable; client host blocked | ACCOUNT
            CONNECT     | 0   | Couldn't connect to host, port: smtp.example.com, 587; timeout 10000 | ACCOUNT
            DATA        | 0   | connection closed: [EOF] | ACCOUNT
            END_OF_DATA | 0   | Exception reading response (java.net.SocketTimeoutException: Read timed out) | ACCOUNT
            UNKNOWN     | 0   | connection lost: Not connected | ACCOUNT
            # a reply the classifier does not know
            RCPT_TO     | 299 | 299 Nonsense | ACCOUNT
            """)
    void readsEachReplyByItsPhaseAndEnhancedStatusCode(SmtpPhase phase, int code, String text, ReplyClass expected) {
        SmtpReply reply = code == 0 ? SmtpReply.none(phase, text) : SmtpReply.of(phase, code, text);
        assertEquals(expected, reply.verdict(), reply.toString());
    }

    @Test
    void parsesTheEnhancedStatusCodeOnlyWhenItsClassMatchesTheReplyCode() {
        assertEquals(
                Optional.of("5.1.1"),
                SmtpReply.of(SmtpPhase.RCPT_TO, 550, "550-5.1.1 no such user\n").status());
        assertEquals(
                Optional.of("4.7.28"),
                SmtpReply.of(SmtpPhase.RCPT_TO, 421, "421 4.7.28 rate").status());
        assertEquals(
                Optional.empty(),
                SmtpReply.of(SmtpPhase.RCPT_TO, 550, "550 4.1.1 mixed up").status());
        assertEquals(
                Optional.empty(),
                SmtpReply.of(SmtpPhase.RCPT_TO, 550, "550 user 5.1.1 later").status());
        assertEquals(
                Optional.empty(),
                SmtpReply.of(SmtpPhase.RCPT_TO, 550, "550 5.1 too short").status());
    }

    @Test
    void aReplyOnSeveralLinesIsKeptOnOne() {
        SmtpReply reply =
                SmtpReply.of(SmtpPhase.RCPT_TO, 550, "550-5.1.1 The email account\n550 5.1.1 does not exist\n");
        assertFalse(reply.text().contains("\n"), reply.text());
        assertEquals(ReplyClass.ADDRESS_PERMANENT, reply.verdict());
    }
}
