# The subscriptions function may read and change members of the list tables, count link requests in the
# ledger, reserve its emails' sends from the sending account and take an address off the suppression list,
# and nothing else besides what ../function adds for every function: reading the SSM parameters it names,
# writing its own logs.

data "aws_iam_policy_document" "function" {
  statement {
    sid = "ManageMembersOfListTables"
    # The read common/.../members/Memberships makes: a member's state on every list at once.
    actions   = ["dynamodb:BatchGetItem"]
    resources = values(var.list_tables)
  }

  statement {
    sid = "ChangeOnlyMembershipAttributes"
    # Join, leave and leave all (UpdateItem, which also adds a newcomer's item), limited to the attributes
    # Memberships writes: a member's data for a list (name, tickers, ...) is never changed from the
    # public function URL, and no update returns values.
    # https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
    actions   = ["dynamodb:UpdateItem"]
    resources = values(var.list_tables)

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:Attributes"
      values   = ["email", "status", "subscribedAt", "unsubscribedAt"]
    }

    condition {
      test     = "StringEqualsIfExists"
      variable = "dynamodb:ReturnValues"
      values   = ["NONE"]
    }
  }

  statement {
    sid = "ReserveFromTheSendingAccount"
    # Each "email me a link" email reserves one send from the account the lists share
    # (common/.../quota/SendingAccount, as the list roles may: ../list/iam.tf): UpdateItem reserves and gives
    # back, GetItem reads a full hour, BatchGetItem the day before it; only the account's own items.
    actions   = ["dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:BatchGetItem"]
    resources = [var.sending_table_arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:LeadingKeys"
      values   = [var.sending.account]
    }

    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  statement {
    sid = "CountLinkRequests"
    # "Email me a link" counts requests per address, per client and for all together, an hour at a time,
    # with UpdateItem in the ledger table (subscriptions/.../LinkRequestLimit), under keys starting
    # "rate-limit#preferences-link#": only those, never the lists' delivery entries ("<list>#<eventId>").
    actions   = ["dynamodb:UpdateItem"]
    resources = [var.ledger_table_arn]

    # dynamodb:LeadingKeys is multivalued, so StringLike is qualified with ForAllValues, and Null = false
    # requires that the request carries a key at all (as the list roles do, ../list/iam.tf).
    condition {
      test     = "ForAllValues:StringLike"
      variable = "dynamodb:LeadingKeys"
      values   = ["rate-limit#preferences-link#*"]
    }

    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  statement {
    sid = "UnsuppressOnJoin"
    # A join through the preference center (a signed link that reached the mailbox) takes the address off
    # the suppression list: SuppressionList.remove, one DeleteItem. The function never reads the list or
    # adds to it, so nothing reached from the public URL can suppress an address or list who is suppressed.
    actions   = ["dynamodb:DeleteItem"]
    resources = [var.suppression_table_arn]
  }
}
