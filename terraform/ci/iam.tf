# What the plan and apply roles may do. A pull request's plan runs code the pull request chose (an
# `external` or `http` data source): it gets read-only access with the project's secrets denied outright.
# The apply role manages listwire's resources, and a permissions boundary caps it whatever it is given.

locals {
  ssm_parameters = "arn:${local.partition}:ssm:${var.region}:${local.account}:parameter${var.ssm_parameter_prefix}*"
  secret_reads   = ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory"]
  arn            = "arn:${local.partition}"
  ci_roles       = "${local.arn}:iam::${local.account}:role/listwire-ci-*"
  ci_policies    = "${local.arn}:iam::${local.account}:policy/listwire-ci-*"
  state_objects  = "${local.arn}:s3:::${var.state_bucket}/listwire/*"
}

data "aws_iam_policy_document" "plan" {
  statement {
    sid = "NeverReadTheProjectsSecrets"
    # ReadOnlyAccess allows ssm:GetParameter*, and the AWS managed key aws/ssm decrypts for anyone allowed
    # the call. An explicit deny wins over every allow, ReadOnlyAccess's included.
    effect    = "Deny"
    actions   = local.secret_reads
    resources = [local.ssm_parameters]
  }

  statement {
    sid = "NeverDecryptThroughSsm"
    # The same secrets by another door: decrypting SecureStrings through SSM with any key of the account.
    effect    = "Deny"
    actions   = ["kms:Decrypt"]
    resources = ["${local.arn}:kms:${var.region}:${local.account}:key/*"]

    condition {
      test     = "StringLike"
      variable = "kms:ViaService"
      values   = ["ssm.*.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "apply" {
  statement {
    sid = "ManageListwireResources"
    # AWS requires each action by name and Terraform's provider calls a service's Create, Describe, Get,
    # List, Tag and Update actions as each resource needs, so these are by service, on this account's
    # ARNs only; the boundary below is the ceiling.
    actions = ["sqs:*", "dynamodb:*", "lambda:*", "logs:*", "cloudwatch:*", "scheduler:*", "sns:*"]
    resources = [
      "${local.arn}:sqs:${var.region}:${local.account}:*",
      "${local.arn}:scheduler:${var.region}:${local.account}:schedule/*",
      "${local.arn}:sns:${var.region}:${local.account}:*",
      "${local.arn}:dynamodb:${var.region}:${local.account}:table/*",
      "${local.arn}:lambda:${var.region}:${local.account}:*",
      "${local.arn}:logs:${var.region}:${local.account}:log-group:/aws/lambda/*",
      "${local.arn}:cloudwatch:${var.region}:${local.account}:alarm:*",
    ]
  }

  statement {
    sid = "PointSesNotificationsAtTheFeedbackTopic"
    # modules/feedback with source "ses" and an ses_identity: the identity's notification topics and headers.
    actions   = ["ses:SetIdentityNotificationTopic", "ses:SetIdentityHeadersInNotificationsEnabled"]
    resources = ["${local.arn}:ses:${var.region}:${local.account}:identity/*"]
  }

  statement {
    sid = "ActionsOnNoSingleResource"
    # AWS requires resource "*" for these: they list or create across a service, and event source mappings
    # and log groups are described account-wide (https://docs.aws.amazon.com/service-authorization/latest/reference/).
    actions   = ["lambda:CreateEventSourceMapping", "lambda:GetEventSourceMapping", "lambda:ListEventSourceMappings", "logs:DescribeLogGroups", "ses:GetIdentityNotificationAttributes"]
    resources = ["*"]
  }

  statement {
    sid       = "ManageFunctionRoles"
    actions   = ["iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole", "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:ListRoleTags", "iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole"]
    resources = ["${local.arn}:iam::${local.account}:role/listwire-*"]
  }

  statement {
    sid       = "PassFunctionRolesToLambdaOnly"
    actions   = ["iam:PassRole"]
    resources = ["${local.arn}:iam::${local.account}:role/listwire-*"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["lambda.amazonaws.com"]
    }
  }

  statement {
    sid = "PassTheFeedbackScheduleRoleToSchedulerOnly"
    # modules/feedback's schedule invokes the function through a role of its own (listwire-feedback-schedule).
    actions   = ["iam:PassRole"]
    resources = ["${local.arn}:iam::${local.account}:role/listwire-*-schedule"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["scheduler.amazonaws.com"]
    }
  }

  statement {
    sid       = "ReadAndWriteTheState"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = [local.state_objects]
  }

  statement {
    sid       = "ListTheStateBucket"
    actions   = ["s3:ListBucket"]
    resources = ["${local.arn}:s3:::${var.state_bucket}"]
  }
}

# The boundary: the most the apply role can do, even if someone gives it AdministratorAccess. It allows
# listwire's services and the state, and denies outright what would let a deploy escalate or read secrets.
data "aws_iam_policy_document" "apply_boundary" {
  statement {
    sid = "CeilingListwireServices"
    # AWS requires a boundary to allow an action for any policy to grant it: here every action of the
    # services listwire deploys, the function roles' IAM actions, and the state bucket.
    actions   = ["sqs:*", "dynamodb:*", "lambda:*", "logs:*", "cloudwatch:*", "scheduler:*", "sns:*", "ses:SetIdentityNotificationTopic", "ses:SetIdentityHeadersInNotificationsEnabled", "ses:GetIdentityNotificationAttributes", "iam:*Role", "iam:*RolePolicy", "iam:*RolePolicies", "iam:ListRoleTags", "iam:TagRole", "iam:UntagRole", "iam:ListInstanceProfilesForRole", "iam:UpdateAssumeRolePolicy", "iam:PassRole", "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"]
    resources = ["*"]
  }

  statement {
    sid = "NeverItsOwnOrThePlanRolesPermissions"
    # Without this, PutRolePolicy on role/listwire-* would reach listwire-ci-apply itself.
    effect    = "Deny"
    actions   = ["iam:*"]
    resources = [local.ci_roles, local.ci_policies]
  }

  statement {
    sid       = "NeverAManagedPolicyOrABoundaryChange"
    effect    = "Deny"
    actions   = ["iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary", "iam:CreatePolicyVersion"]
    resources = ["*"]
  }

  statement {
    sid       = "NeverTheProjectsSecrets"
    effect    = "Deny"
    actions   = local.secret_reads
    resources = [local.ssm_parameters]
  }
}
