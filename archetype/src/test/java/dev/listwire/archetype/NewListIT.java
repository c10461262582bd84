package dev.listwire.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The README's "Add a list", in a copy of this repository: archetype:generate from lists/, then the new list
 * built together with common/ from source. A bad value is refused before anything is written.
 */
class NewListIT {

    private static final String VERSION = System.getProperty("listwire.version");
    private static final Path REPOSITORY =
            Path.of(System.getProperty("listwire.repository")).toAbsolutePath().normalize();

    private Path copy;
    private Maven maven;

    @BeforeEach
    void copyTheRepository(TestInfo test) throws IOException {
        Path work = REPOSITORY.resolve("archetype/target/new-list-it/"
                + test.getTestMethod().orElseThrow().getName());
        deleteRecursively(work);
        Files.createDirectories(work);
        copy = RepositoryCopy.of(REPOSITORY, work.resolve("listwire"));
        maven = new Maven(work);
    }

    @Test
    void addsTheListToListsPomAndItsTestsPassWithCommonBuiltFromSource() throws IOException {
        String listsPom = Files.readString(copy.resolve("lists/pom.xml"));

        Maven.Run generate =
                generate(copy.resolve("lists"), "-DlistName=price-targets", "-DfromAddress=alerts@example.com");

        assertTrue(generate.succeeded(), generate.describe());
        assertEquals(
                withModule(listsPom, "price-targets"),
                Files.readString(copy.resolve("lists/pom.xml")),
                "lists/pom.xml gains one <module> line and is otherwise untouched");
        Path list = copy.resolve("lists/price-targets");
        assertEquals(
                List.of(
                        "README.md",
                        "demo/event.json",
                        "demo/members.csv",
                        "list.json",
                        "pom.xml",
                        "src/main/java/dev/listwire/lists/pricetargets/PriceTarget.java",
                        "src/main/java/dev/listwire/lists/pricetargets/PriceTargetsFunction.java",
                        "src/main/resources/views/price-targets/html.hbs",
                        "src/main/resources/views/price-targets/subject.hbs",
                        "src/main/resources/views/price-targets/text.hbs",
                        "src/test/java/dev/listwire/lists/pricetargets/PriceTargetsFunctionTest.java",
                        "src/test/java/dev/listwire/lists/pricetargets/PriceTargetsLambdaIT.java",
                        "src/test/resources/events/example.json"),
                List.copyOf(RepositoryCopy.contents(list).keySet()));
        String pom = Files.readString(list.resolve("pom.xml"));
        assertTrue(
                pom.contains("<artifactId>listwire-lists</artifactId>\n    <version>" + VERSION + "</version>"), pom);
        String manifest = Files.readString(list.resolve("list.json"));
        assertTrue(manifest.contains("\"name\": \"price-targets\""), manifest);
        assertTrue(manifest.contains("\"title\": \"Price targets\""), manifest);
        assertTrue(manifest.contains("\"address\": \"alerts@example.com\""), manifest);

        Maven.Run build = maven.run(
                copy,
                "verify",
                "-pl",
                "lists/price-targets",
                "-am",
                "-Dtest=PriceTargetsFunctionTest",
                "-Dsurefire.failIfNoSpecifiedTests=false");

        assertTrue(build.succeeded(), build.describe());
        String report = Files.readString(list.resolve(
                "target/surefire-reports/TEST-dev.listwire.lists.pricetargets.PriceTargetsFunctionTest.xml"));
        assertTrue(
                report.contains("tests=\"2\"") && report.contains("failures=\"0\"") && report.contains("errors=\"0\""),
                report);
        String deployed = Files.readString(
                list.resolve("target/failsafe-reports/TEST-dev.listwire.lists.pricetargets.PriceTargetsLambdaIT.xml"));
        assertTrue(
                deployed.contains("tests=\"2\"")
                        && deployed.contains("failures=\"0\"")
                        && deployed.contains("errors=\"0\""),
                deployed);
    }

    @Test
    void refusesABadListNameAndAFromThatIsNoAddressBeforeWritingAnything() {
        Map<String, String> before = RepositoryCopy.contents(copy.resolve("lists"));

        Maven.Run run = generate(copy.resolve("lists"), "-DlistName=Price_Targets", "-DfromAddress=alerts");

        assertFalse(run.succeeded(), run.describe());
        assertTrue(run.output().contains("nothing was generated:"), run.describe());
        assertTrue(
                run.output().contains("- listName 'Price_Targets' must match ^[a-z][a-z0-9-]{2,62}$"), run.describe());
        assertTrue(run.output().contains("- fromAddress 'alerts' is not an email address"), run.describe());
        assertEquals(before, RepositoryCopy.contents(copy.resolve("lists")));
    }

    @Test
    void refusesAListWithoutAFromAddress() {
        Map<String, String> before = RepositoryCopy.contents(copy.resolve("lists"));

        Maven.Run run = generate(copy.resolve("lists"), "-DlistName=price-targets");

        assertFalse(run.succeeded(), run.describe());
        assertTrue(run.output().contains("- fromAddress is missing: add -DfromAddress="), run.describe());
        assertEquals(before, RepositoryCopy.contents(copy.resolve("lists")));
    }

    @Test
    void refusesANameThatIsAlreadyAList() throws IOException {
        String existing = existingList();
        Map<String, String> before = RepositoryCopy.contents(copy.resolve("lists"));

        Maven.Run run = generate(copy.resolve("lists"), "-DlistName=" + existing, "-DfromAddress=alerts@example.com");

        assertFalse(run.succeeded(), run.describe());
        assertTrue(run.output().contains("A Maven project already exists in the directory"), run.describe());
        assertEquals(before, RepositoryCopy.contents(copy.resolve("lists")));
    }

    @Test
    void takesTheListBackWhenGeneratedOutsideLists() throws IOException {
        Maven.Run run = generate(copy, "-DlistName=price-targets", "-DfromAddress=alerts@example.com");

        assertFalse(run.succeeded(), run.describe());
        assertTrue(run.output().contains("run archetype:generate from the lists/ folder"), run.describe());
        assertFalse(Files.exists(copy.resolve("price-targets")));
        assertFalse(Files.readString(copy.resolve("pom.xml")).contains("<module>price-targets</module>"));
    }

    /** The README's command. */
    private Maven.Run generate(Path folder, String... properties) {
        List<String> arguments = new ArrayList<>(List.of(
                "archetype:generate",
                "-DarchetypeGroupId=dev.listwire",
                "-DarchetypeArtifactId=listwire-list-archetype",
                "-DarchetypeVersion=" + VERSION));
        arguments.addAll(List.of(properties));
        return maven.run(folder, arguments.toArray(String[]::new));
    }

    private static String withModule(String pom, String module) {
        int last = pom.lastIndexOf("</module>") + "</module>".length();
        return pom.substring(0, last) + "\n    <module>" + module + "</module>" + pom.substring(last);
    }

    private String existingList() throws IOException {
        try (Stream<Path> lists = Files.list(copy.resolve("lists"))) {
            return lists.filter(dir -> Files.isRegularFile(dir.resolve("list.json")))
                    .findFirst()
                    .orElseThrow()
                    .getFileName()
                    .toString();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
