# The subscriptions function may read and change members of the list tables and nothing else besides
# what ../function adds for every function: reading the SSM parameters it names, writing its own logs.

data "aws_iam_policy_document" "function" {
  statement {
    sid = "ManageMembersOfListTables"
    # Show a member's lists (GetItem), join (PutItem), leave or leave all (UpdateItem: status).
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
    resources = values(var.list_tables)
  }
}
