package dev.listwire.common.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamProviderPinTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(StreamProviderPin.PROPERTY);
        System.clearProperty(StreamProviderPin.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(StreamProviderPin.PROPERTY);
        } else {
            System.setProperty(StreamProviderPin.PROPERTY, before);
        }
    }

    @Test
    void namesAngusMailsProviderSoThatEmailsAreBuiltAndWrittenWithIt() throws Exception {
        StreamProviderPin.pin();

        assertEquals(StreamProviderPin.ANGUS, System.getProperty(StreamProviderPin.PROPERTY));
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Grüße", "UTF-8");
        alternative.addBodyPart(text);
        message.setContent(alternative);
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        MimeMessage read =
                new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
        assertEquals("Grüße", ((MimeMultipart) read.getContent()).getBodyPart(0).getContent());
    }

    @Test
    void leavesAProviderChosenByTheOperatorAlone() {
        System.setProperty(StreamProviderPin.PROPERTY, "com.example.OwnStreamProvider");

        StreamProviderPin.pin();

        assertEquals("com.example.OwnStreamProvider", System.getProperty(StreamProviderPin.PROPERTY));
    }
}
