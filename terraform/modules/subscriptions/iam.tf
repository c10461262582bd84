# The subscriptions function may read and change members of the list tables, read the SSM parameters
# its environment names, and write its own logs; nothing else.

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.name
  description        = "The listwire subscriptions function"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "function" {
  statement {
    sid = "ManageMembersOfListTables"
    # Show a member's lists (GetItem), join (PutItem), leave or leave all (UpdateItem: status).
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
    resources = values(var.list_tables)
  }

  statement {
    sid       = "ReadOwnSecrets"
    actions   = ["ssm:GetParameters"]
    resources = [for name in values(var.ssm_parameters) : "${var.ssm_parameter_arn_prefix}${name}"]
  }

  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }
}

resource "aws_iam_role_policy" "this" {
  name   = "listwire-subscriptions"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.function.json
}
