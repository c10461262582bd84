// The build passing is not enough: the generated test must have run, and the Lambda artifact exist.
// archetype:integration-test hands the generated project's folder over as context.projectDir.
def projectDir = context.projectDir
def report = new File(projectDir, 'target/surefire-reports/TEST-dev.listwire.lists.pricetargets.PriceTargetsFunctionTest.xml')
assert report.isFile() : "no test report at ${report}"
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 2 && suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0 && suite.@skipped.toInteger() == 0
assert new File(projectDir, 'target/function.jar').isFile()
