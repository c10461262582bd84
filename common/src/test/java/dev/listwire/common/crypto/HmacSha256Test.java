package dev.listwire.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

    @Test
    void rfc4231TestCase2() {
        assertEquals(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(new HmacSha256("Jefe").of("what do ya want for nothing?")));
    }

    @Test
    void aDerivedKeyIsTheHmacOfItsLabel() {
        HmacSha256 key = new HmacSha256("a key");
        assertArrayEquals(
                new HmacSha256(key.of("label")).of("data"), key.derive("label").of("data"));
    }

    @Test
    void oneInstanceGivesEveryThreadTheRightAnswer() {
        HmacSha256 key = new HmacSha256("a shared key");
        List<CompletableFuture<Boolean>> all = IntStream.range(0, 8)
                .mapToObj(t -> CompletableFuture.supplyAsync(() -> IntStream.range(0, 2_000)
                        .allMatch(i -> HexFormat.of()
                                .formatHex(key.of("data " + i))
                                .equals(HexFormat.of().formatHex(new HmacSha256("a shared key").of("data " + i))))))
                .toList();
        all.forEach(f -> assertEquals(true, f.join()));
    }
}
