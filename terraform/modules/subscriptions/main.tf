# The subscriptions function (preference center, one-click unsubscribe, "send me a link"): a Micronaut
# HTTP app behind a public function URL. The URL needs no authentication: every link it acts on is
# HMAC-signed (common/.../links/LinkSigner), and a forged link gets 403 and changes nothing.

locals {
  # What the app reads (subscriptions/README.md, Configuration); no secrets: ../function adds the names of
  # the SSM parameters that hold them. No table names: the app reads a list's members from the table named
  # as the list (list_tables), and its list catalogue from the manifests bundled into function.jar.
  # No LISTWIRE_LINKS_BASE_URL unless links_base_url is given: a function cannot be told its own function
  # URL (a cycle), so without it the app builds its links from the function URL a request came to.
  environment = merge(
    {
      LISTWIRE_LEDGER_TABLE      = var.ledger_table_name
      LISTWIRE_SUPPRESSION_TABLE = var.suppression_table_name
      LISTWIRE_LINKS_KEY_ID      = var.links_key_id
      LISTWIRE_SMTP_HOST         = var.smtp.host
      LISTWIRE_SMTP_PORT         = tostring(var.smtp.port)
      LISTWIRE_SMTP_STARTTLS     = tostring(var.smtp.starttls)
      # The account the "email me a link" emails reserve their sends from, as the lists do.
      LISTWIRE_SENDING_TABLE                               = var.sending.table_name
      LISTWIRE_SENDING_ACCOUNT                             = var.sending.account
      LISTWIRE_SENDING_RATE_PER_SECOND                     = tostring(var.sending.rate_per_second)
      LISTWIRE_SENDING_DAILY_QUOTA                         = tostring(var.sending.daily_quota)
      LISTWIRE_SUBSCRIPTIONS_LINK_CAPS_PER_CLIENT_PER_HOUR = tostring(var.link_caps.per_client_per_hour)
      LISTWIRE_SUBSCRIPTIONS_LINK_CAPS_LISTS_SHARE         = tostring(var.link_caps.lists_share)
    },
    var.link_caps.per_hour == null ? {} : { LISTWIRE_SUBSCRIPTIONS_LINK_CAPS_PER_HOUR = tostring(var.link_caps.per_hour) },
    var.links_base_url == null ? {} : { LISTWIRE_LINKS_BASE_URL = trimsuffix(var.links_base_url, "/") },
    var.from == null ? {} : {
      LISTWIRE_SUBSCRIPTIONS_FROM_ADDRESS = var.from.address
      LISTWIRE_SUBSCRIPTIONS_FROM_NAME    = var.from.name
    },
  )
}

module "function" {
  source = "../function"

  name                     = var.name
  description              = "listwire preference center and one-click unsubscribe"
  role_name                = var.name
  handler                  = var.handler
  artifact_path            = var.artifact_path
  timeout_seconds          = var.timeout_seconds
  memory_size              = var.memory_size
  architecture             = var.architecture
  environment              = local.environment
  ssm_parameters           = var.ssm_parameters
  ssm_parameter_arn_prefix = var.ssm_parameter_arn_prefix
  policy_json              = data.aws_iam_policy_document.function.json
  log_retention_days       = var.log_retention_days
  tags                     = var.tags
  # A ceiling as well as a reservation: a flood of the public URL cannot take the lists' concurrency.
  reserved_concurrent_executions = var.reserved_concurrency == null ? -1 : var.reserved_concurrency
}

resource "aws_lambda_function_url" "this" {
  function_name      = module.function.function_name
  qualifier          = module.function.alias_name
  authorization_type = "NONE"
}

# A public function URL needs both statements since October 2025
# (https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html); the second is limited to calls that
# come through the URL.
resource "aws_lambda_permission" "url" {
  statement_id  = "listwire-public-function-url"
  action        = "lambda:InvokeFunctionUrl"
  function_name = module.function.function_name
  qualifier     = module.function.alias_name
  # AWS requires principal "*" for a function URL of auth type NONE; the links it serves are signed.
  principal              = "*"
  function_url_auth_type = "NONE"
}

resource "aws_lambda_permission" "url_invoke" {
  statement_id  = "listwire-public-function-url-invoke"
  action        = "lambda:InvokeFunction"
  function_name = module.function.function_name
  qualifier     = module.function.alias_name
  # AWS requires principal "*" here too, limited by invoked_via_function_url to calls through the URL.
  principal                = "*"
  invoked_via_function_url = true
}
