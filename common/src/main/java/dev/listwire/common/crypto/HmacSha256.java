package dev.listwire.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, the keyed hash that signs links and continuations and names addresses in the
 * logs. The key is set up once; each thread works on a clone of that {@link Mac} of its own, made at its
 * first use and reset by every {@code doFinal}, so one instance may be shared by threads and costs no
 * provider lookup, and no clone, per use.
 */
public final class HmacSha256 {

    private final Mac keyed;
    private final ThreadLocal<Mac> perThread = ThreadLocal.withInitial(this::copy);

    public HmacSha256(byte[] key) {
        try {
            keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public HmacSha256(String key) {
        this(key.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] of(byte[] data) {
        return perThread.get().doFinal(data);
    }

    private Mac copy() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }

    public byte[] of(String data) {
        return of(data.getBytes(StandardCharsets.UTF_8));
    }

    /** A key of its own for one use, HMAC(this key, label), so that no use's output verifies as another's. */
    public HmacSha256 derive(String label) {
        return new HmacSha256(of(label));
    }
}
