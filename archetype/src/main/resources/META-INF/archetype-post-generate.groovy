// Runs after archetype:generate has written <outputDirectory>/<listName>/ and, where the folder it ran in has
// a pom.xml, added the <module> line there. A list belongs in lists/: anywhere else its parent would be wrong.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import javax.xml.parsers.DocumentBuilderFactory

Path folder = Paths.get(request.outputDirectory).toAbsolutePath().normalize()
Path module = folder.resolve(request.artifactId)
Path parentPom = folder.resolve('pom.xml')

if (!Files.exists(parentPom)) {
    // A list on its own (the archetype's own integration tests build it so): nothing to add a module to.
    println "[listwire] Wrote ${module}. It builds as a list only inside lists/, which adds its <module> line."
    return
}

def parentId = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(parentPom.toFile())
        .documentElement.getElementsByTagName('artifactId').item(1)?.textContent
String text = parentPom.toFile().getText('UTF-8')
String moduleLine = "<module>${request.artifactId}</module>"
if (parentId != 'listwire-lists') {
    // Take back what was written, so that a mistake costs nothing.
    module.toFile().deleteDir()
    parentPom.toFile().setText(text.readLines().findAll { it.trim() != moduleLine }.join('\n') + '\n', 'UTF-8')
    throw new IllegalStateException("listwire: run archetype:generate from the lists/ folder, not from ${folder} "
            + "(its pom.xml is ${parentId ?: 'not listwire-lists'}): the new list was removed again and "
            + "${parentPom} has no new <module> line (check its formatting with git diff)")
}

// The plugin rewrites the parent pom with its XML declaration run into <project ...>: split them again, so
// that adding a list changes one line of lists/pom.xml.
parentPom.toFile().setText(text.replaceFirst(/^(<\?xml[^>]*\?>)\s*</, '$1\n<'), 'UTF-8')

String base = folder.parent.relativize(module).toString()
println """
[listwire] ${base}/ is the new list ${request.properties.listName}; lists/pom.xml now has ${moduleLine}.
[listwire] Next: describe its payload in ${request.properties.payloadClass}.java, its email in
[listwire] src/main/resources/views/${request.properties.listName}/, then from the repository root:
[listwire]   mvn verify -pl ${base} -am
"""
