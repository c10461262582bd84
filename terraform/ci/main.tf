# The two roles the workflow (.github/workflows/deploy.yml) assumes through GitHub's OIDC provider:
# plan, for pull requests, and apply, for main in the production environment. What each may do is in
# iam.tf; why, in SECURITY.md.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account   = data.aws_caller_identity.current.account_id
  partition = data.aws_partition.current.partition
  oidc_host = "token.actions.githubusercontent.com"
  oidc_arn  = "arn:${local.partition}:iam::${local.account}:oidc-provider/${local.oidc_host}"
}

resource "aws_iam_openid_connect_provider" "github" {
  count          = var.create_oidc_provider ? 1 : 0
  url            = "https://${local.oidc_host}"
  client_id_list = ["sts.amazonaws.com"]
}

# Who may assume a role: this repository's workflow, and only in the given context (the OIDC token's sub).
data "aws_iam_policy_document" "trust" {
  for_each = {
    plan  = "repo:${var.github_repository}:pull_request"
    apply = "repo:${var.github_repository}:environment:production"
  }

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = [each.value]
    }
  }
}

resource "aws_iam_role" "plan" {
  name               = "listwire-ci-plan"
  description        = "terraform plan for pull requests: reads the account, never the project's secrets."
  assume_role_policy = data.aws_iam_policy_document.trust["plan"].json
}

resource "aws_iam_role_policy_attachment" "plan_read_only" {
  role       = aws_iam_role.plan.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role_policy" "plan" {
  name   = "listwire-ci-plan"
  role   = aws_iam_role.plan.id
  policy = data.aws_iam_policy_document.plan.json
}

resource "aws_iam_policy" "apply_boundary" {
  name        = "listwire-ci-apply-boundary"
  description = "The most the apply role can ever do, whatever policies it is given."
  policy      = data.aws_iam_policy_document.apply_boundary.json
}

resource "aws_iam_role" "apply" {
  name                 = "listwire-ci-apply"
  description          = "terraform apply on main: manages listwire's resources, within listwire-ci-apply-boundary."
  assume_role_policy   = data.aws_iam_policy_document.trust["apply"].json
  permissions_boundary = aws_iam_policy.apply_boundary.arn
}

resource "aws_iam_role_policy" "apply" {
  name   = "listwire-ci-apply"
  role   = aws_iam_role.apply.id
  policy = data.aws_iam_policy_document.apply.json
}
