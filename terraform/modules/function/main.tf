# A Java function as every listwire function runs: java21 with SnapStart on published versions, a "live"
# alias that always points at the newest version (SnapStart applies to versions only), its own log
# group with a retention, and an execution role that may do what policy_json allows, read its secrets
# and write its logs.

locals {
  # Secrets are not in the environment, only the names of the SSM parameters that hold them: the
  # function reads them at start (common/.../secrets/SsmSecrets.java). The retired link keys travel as
  # "<id>=<name>,...": one string, since a map's keys do not survive environment variable names.
  environment = merge(var.environment, {
    LISTWIRE_SSM_SMTP_USERNAME      = var.ssm_parameters.smtp_username
    LISTWIRE_SSM_SMTP_PASSWORD      = var.ssm_parameters.smtp_password
    LISTWIRE_SSM_LINKS_KEY          = var.ssm_parameters.links_key
    LISTWIRE_SSM_LINKS_RETIRED_KEYS = join(",", [for id, name in var.ssm_parameters.links_retired_keys : "${id}=${name}"])
  })

  retired_key_names = values(var.ssm_parameters.links_retired_keys)
  secret_names      = concat([var.ssm_parameters.smtp_username, var.ssm_parameters.smtp_password, var.ssm_parameters.links_key], local.retired_key_names)
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_lambda_function" "this" {
  function_name    = var.name
  description      = var.description
  role             = aws_iam_role.this.arn
  runtime          = "java21"
  handler          = var.handler
  filename         = var.artifact_path
  source_code_hash = filebase64sha256(var.artifact_path)
  architectures    = [var.architecture]
  memory_size      = var.memory_size
  timeout          = var.timeout_seconds
  # -1 leaves the function on the account's unreserved pool (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).
  reserved_concurrent_executions = var.reserved_concurrent_executions
  # SnapStart snapshots published versions only; the alias below always points at the newest.
  publish = true
  tags    = var.tags

  snap_start {
    apply_on = "PublishedVersions"
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  environment {
    variables = local.environment
  }

  # The role must be able to write logs and read its secrets before the first (snapshot) start.
  depends_on = [aws_iam_role_policy.this]
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  description      = "The newest published (SnapStart) version."
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}
