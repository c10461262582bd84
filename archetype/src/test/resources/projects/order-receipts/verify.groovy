// The generated test must have run against the list's own manifest, with the values this case gave.
// archetype:integration-test hands the generated project's folder over as context.projectDir.
def projectDir = context.projectDir
def report = new File(projectDir, 'target/surefire-reports/TEST-dev.listwire.lists.orderreceipts.OrderReceiptsFunctionTest.xml')
assert report.isFile() : "no test report at ${report}"
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 2 && suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0 && suite.@skipped.toInteger() == 0
def manifest = new groovy.json.JsonSlurper().parse(new File(projectDir, 'list.json'))
assert manifest.kind == 'transactional' && manifest.title == 'Order receipts & invoices' && manifest.from.name == 'Shop, Billing'
