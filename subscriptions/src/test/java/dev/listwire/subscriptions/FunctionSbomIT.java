package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SBOM that mvn package writes beside the deployable jar (target/function-bom.json, CycloneDX) names every
 * library inside target/function.jar at the version shaded into it. Lists get theirs from the same root-pom
 * configuration (lists/pom.xml names the plugin), at lists/&lt;list&gt;/target/function-bom.json.
 */
class FunctionSbomIT {

    private static final Path TARGET = Path.of("target");
    /**
     * Libraries that arrive inside another library's jar, which the SBOM names instead (a scanner reading the
     * SBOM sees the container only; SECURITY.md says so): handlebars.java shades antlr4-runtime, and
     * angus-mail carries its own modules.
     */
    private static final Map<String, String> INSIDE = Map.of(
            "org.antlr:antlr4-runtime", "com.github.jknack:handlebars",
            "org.eclipse.angus:angus-core", "org.eclipse.angus:angus-mail",
            "org.eclipse.angus:imap", "org.eclipse.angus:angus-mail",
            "org.eclipse.angus:pop3", "org.eclipse.angus:angus-mail",
            "org.eclipse.angus:smtp", "org.eclipse.angus:angus-mail",
            "org.eclipse.angus:logging-mailhandler", "org.eclipse.angus:angus-mail");

    @Test
    @SuppressWarnings("unchecked")
    void theSbomNamesEveryLibraryInsideFunctionJarAtItsVersion() throws Exception {
        Map<String, Object> bom = JsonMapper.createDefault()
                .readValue(Files.readAllBytes(TARGET.resolve("function-bom.json")), Map.class);
        assertEquals("CycloneDX", bom.get("bomFormat"));
        Set<String> listed = ((List<Map<String, Object>>) bom.get("components"))
                .stream()
                        .map(c -> c.get("group") + ":" + c.get("name") + ":" + c.get("version"))
                        .collect(Collectors.toCollection(TreeSet::new));

        Set<String> shaded = new TreeSet<>();
        try (JarFile jar = new JarFile(TARGET.resolve("function.jar").toFile())) {
            for (var entry : jar.stream()
                    .filter(e -> e.getName().matches("META-INF/maven/[^/]+/[^/]+/pom\\.properties"))
                    .toList()) {
                Properties p = new Properties();
                try (InputStream in = jar.getInputStream(entry)) {
                    p.load(in);
                }
                shaded.add(
                        p.getProperty("groupId") + ":" + p.getProperty("artifactId") + ":" + p.getProperty("version"));
            }
        }
        shaded.removeIf(
                gav -> gav.startsWith("dev.listwire:listwire-subscriptions:")); // the jar itself: the BOM's subject

        assertTrue(shaded.size() > 20, "libraries found in function.jar: " + shaded);
        Set<String> missing = new TreeSet<>(shaded);
        missing.removeAll(listed);
        missing.removeIf(gav -> {
            String container = INSIDE.get(gav.substring(0, gav.lastIndexOf(':')));
            return container != null && listed.stream().anyMatch(l -> l.startsWith(container + ":"));
        });
        assertEquals(Set.of(), missing, "in function.jar but not in its SBOM");
        assertTrue(listed.contains("com.github.jknack:handlebars:4.5.0"), listed.toString());
    }
}
