package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The variants of one mailbox share one count under the per-address cap; other mailboxes do not. */
class NormalAddressTest {

    @ParameterizedTest(name = "{0} counts as {1}")
    @CsvSource({
        "ada@example.com,              ada@example.com",
        "Ada@Example.COM,              ada@example.com",
        "ada+news@example.com,         ada@example.com",
        "ada+a+b@example.com,          ada@example.com",
        "a.da@example.com,             a.da@example.com", // dots matter outside Gmail
        "a+1@gmail.com,                a@gmail.com",
        "A.D.A+x@GMail.com,            ada@gmail.com",
        "a.d.a@googlemail.com,         ada@gmail.com",
        "ada@googlemail.com,           ada@gmail.com",
        "ada@gmail.com.example,        ada@gmail.com.example", // not Gmail
        "ada@mail.gmail.com,           ada@mail.gmail.com",
        "+tag@example.com,             +tag@example.com", // all tag: left as it is, it still names a mailbox
        "...@gmail.com,                ...@gmail.com",
    })
    void countsAnAddressInItsNormalForm(String entered, String counted) {
        assertEquals(counted, NormalAddress.of(entered));
    }
}
