package dev.listwire.common.mail;

import jakarta.mail.util.StreamProvider;

/**
 * Jakarta Mail 2.1 finds its {@link StreamProvider} anew, through {@code ServiceLoader}, for every body
 * part, multipart and header block it creates or writes (jakartaee/mail-api#699 and #861, fixed only in
 * 2.2): a scan of the class path's jars several times per email, which was most of the CPU an email cost.
 * Jakarta Mail first reads the provider's class name from a system property; naming Angus Mail's there
 * makes each lookup a class already loaded. Set only when unset, and only when Angus Mail's provider is
 * reachable from the thread's class loader, which Jakarta Mail tries first.
 */
final class StreamProviderPin {

    static final String PROPERTY = StreamProvider.class.getName();
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private StreamProviderPin() {}

    static void pin() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName(ANGUS, false, loader == null ? ClassLoader.getSystemClassLoader() : loader);
        } catch (ClassNotFoundException | LinkageError notReachable) {
            return;
        }
        System.setProperty(PROPERTY, ANGUS);
    }
}
