package dev.listwire.subscriptions;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The pages' one style sheet, served by a route rather than Micronaut's static resources, so that it
 * needs no server configuration: the same in Lambda and in the devstack's server.
 */
@Controller
final class StyleSheet {

    static final String PATH = "/assets/subscriptions.css";
    private final byte[] css;

    StyleSheet() {
        try (InputStream in = StyleSheet.class.getClassLoader().getResourceAsStream("assets/subscriptions.css")) {
            if (in == null) {
                throw new IllegalStateException("assets/subscriptions.css is missing from the class path");
            }
            this.css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(uri = PATH, produces = "text/css;charset=utf-8")
    HttpResponse<byte[]> css() {
        return HttpResponse.ok(css).header("Cache-Control", "public, max-age=3600");
    }
}
