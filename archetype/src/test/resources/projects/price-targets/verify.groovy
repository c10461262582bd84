// The build passing is not enough: the generated tests must have run, the function.jar ones too (it sends
// under the Lambda runtime, and holds no local part).
// archetype:integration-test hands the generated project's folder over as context.projectDir.
def projectDir = context.projectDir
def report = new File(projectDir, 'target/surefire-reports/TEST-dev.listwire.lists.pricetargets.PriceTargetsFunctionTest.xml')
assert report.isFile() : "no test report at ${report}"
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 2 && suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0 && suite.@skipped.toInteger() == 0
def deployed = new File(projectDir, 'target/failsafe-reports/TEST-dev.listwire.lists.pricetargets.PriceTargetsLambdaIT.xml')
assert deployed.isFile() : "no report of the function.jar test at ${deployed}"
def it = new groovy.xml.XmlSlurper().parse(deployed)
assert it.@tests.toInteger() == 2 && it.@failures.toInteger() == 0 && it.@errors.toInteger() == 0 && it.@skipped.toInteger() == 0
