# The subscriptions function (preference center, one-click unsubscribe, "send me a link"): a Micronaut
# HTTP app behind a public function URL. The URL needs no authentication: every link it acts on is
# HMAC-signed (common/.../links/LinkSigner), and a forged link gets 403 and changes nothing.

locals {
  environment = merge(
    {
      LISTWIRE_SUBSCRIPTIONS_TABLES = join(",", sort(keys(var.list_tables)))
      LISTWIRE_LINKS_KEY_ID         = var.links_key_id
      LISTWIRE_SMTP_HOST            = var.smtp.host
      LISTWIRE_SMTP_PORT            = tostring(var.smtp.port)
      LISTWIRE_SMTP_STARTTLS        = tostring(var.smtp.starttls)
      LISTWIRE_SSM_SMTP_USERNAME    = var.ssm_parameters.smtp_username
      LISTWIRE_SSM_SMTP_PASSWORD    = var.ssm_parameters.smtp_password
      LISTWIRE_SSM_LINKS_KEY        = var.ssm_parameters.links_key
    },
    var.links_base_url == null ? {} : { LISTWIRE_LINKS_BASE_URL = trimsuffix(var.links_base_url, "/") },
  )
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_lambda_function" "this" {
  function_name    = var.name
  description      = "listwire preference center and one-click unsubscribe"
  role             = aws_iam_role.this.arn
  runtime          = "java21"
  handler          = var.handler
  filename         = var.artifact_path
  source_code_hash = filebase64sha256(var.artifact_path)
  architectures    = [var.architecture]
  memory_size      = var.memory_size
  timeout          = var.timeout_seconds
  publish          = true
  tags             = var.tags

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

  depends_on = [aws_iam_role_policy.this]
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  description      = "The newest published (SnapStart) version; the function URL serves it."
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

resource "aws_lambda_function_url" "this" {
  function_name      = aws_lambda_function.this.function_name
  qualifier          = aws_lambda_alias.live.name
  authorization_type = "NONE"
}

# A public function URL needs both statements since October 2025
# (https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html); the second is limited to calls that
# come through the URL.
resource "aws_lambda_permission" "url" {
  statement_id  = "listwire-public-function-url"
  action        = "lambda:InvokeFunctionUrl"
  function_name = aws_lambda_function.this.function_name
  qualifier     = aws_lambda_alias.live.name
  # AWS requires principal "*" for a function URL of auth type NONE; the links it serves are signed.
  principal              = "*"
  function_url_auth_type = "NONE"
}

resource "aws_lambda_permission" "url_invoke" {
  statement_id  = "listwire-public-function-url-invoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  qualifier     = aws_lambda_alias.live.name
  # AWS requires principal "*" here too, limited by invoked_via_function_url to calls through the URL.
  principal                = "*"
  invoked_via_function_url = true
}
