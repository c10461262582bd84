variable "region" {
  description = "The AWS region every resource is created in."
  type        = string
  default     = "us-east-1"
}

variable "links_base_url" {
  description = "The https address unsubscribe and preference links point to, when the preference center has one of its own (a custom domain in front of the subscriptions function). When null or \"\", the subscriptions function's URL is used, which needs enable_subscriptions."
  type        = string
  default     = null

  validation {
    condition     = var.links_base_url == null ? var.enable_subscriptions : (var.links_base_url == "" ? var.enable_subscriptions : startswith(var.links_base_url, "https://"))
    error_message = "Set links_base_url to the preference center's https:// address, or keep enable_subscriptions = true to use the subscriptions function's URL."
  }
}

variable "enable_subscriptions" {
  description = "Deploy the subscriptions function (preference center, one-click unsubscribe) from subscriptions/target/function.jar. It bills per request only; turn it off only when links_base_url points at a preference center served elsewhere."
  type        = bool
  default     = true
}

variable "preferences_from" {
  description = "From of the preference center's \"email me a link\" email. With Gmail, the sending account or one of its aliases. When null, the app's default (preferences@listwire.dev)."
  type = object({
    address = string
    name    = optional(string, "listwire")
  })
  default = null
}

variable "link_keys" {
  description = "The link-signing keys: by key id, the name of the SSM SecureString that holds each. `current` signs new links; every other id is a retired key that only verifies links already sent (keep it: unsubscribe links must work for years). Rotation: SECURITY.md."
  type = object({
    current    = optional(string, "k1")
    parameters = optional(map(string), { k1 = "/listwire/links/key" })
  })
  default = {}

  validation {
    condition     = contains(keys(var.link_keys.parameters), var.link_keys.current)
    error_message = "link_keys.current must be one of the ids in link_keys.parameters."
  }

  validation {
    condition     = alltrue([for id, name in var.link_keys.parameters : startswith(name, "/") && can(regex("^[A-Za-z0-9_-]+$", id))])
    error_message = "Key ids are letters, digits, - and _ (they travel in every link); parameter names start with /."
  }
}

variable "smtp" {
  description = "The SMTP server every list sends through (Gmail by default). Its username and password are SSM parameters, see ssm_parameters."
  type = object({
    host     = optional(string, "smtp.gmail.com")
    port     = optional(number, 587)
    starttls = optional(bool, true)
  })
  default = {}
}

variable "ssm_parameters" {
  description = "Names of the SSM Parameter Store SecureStrings that hold the SMTP credentials (the link keys' are in link_keys). Terraform never reads or writes their values: create them with `aws ssm put-parameter` (README)."
  type = object({
    smtp_username = optional(string, "/listwire/smtp/username")
    smtp_password = optional(string, "/listwire/smtp/password")
  })
  default = {}

  validation {
    condition     = alltrue([for name in values(var.ssm_parameters) : startswith(name, "/")])
    error_message = "SSM parameter names start with / (they are appended to the parameter ARN)."
  }
}

variable "ledger_table_name" {
  description = "The shared delivery ledger table (the functions' LISTWIRE_LEDGER_TABLE)."
  type        = string
  default     = "listwire-deliveries"
}

variable "suppression_table_name" {
  description = "The suppression list every list shares (the functions' LISTWIRE_SUPPRESSION_TABLE)."
  type        = string
  default     = "listwire-suppressions"
}

variable "events_table_name" {
  description = "The table of event summaries every list shares, one item per event (the functions' LISTWIRE_EVENTS_TABLE; `./listwire events` reads it)."
  type        = string
  default     = "listwire-events"
}

variable "sending" {
  description = "The SMTP account's limits, shared by every list through one DynamoDB table: the most emails a second and in any 24 hours (Google Workspace: about 2,000 a day). account names the counters: one per SMTP login."
  type = object({
    table_name      = optional(string, "listwire-sending")
    account         = optional(string, "default")
    rate_per_second = optional(number, 5)
    daily_quota     = optional(number, 2000)
  })
  default = {}
}

variable "link_caps" {
  description = "Caps on the preference center's public \"email me a link\" form (see modules/subscriptions): per_hour link emails in all (null: 2% of sending.daily_quota), per_client_per_hour from one source IP (10), lists_share of the day's quota the form never takes (0.1)."
  type = object({
    per_hour            = optional(number)
    per_client_per_hour = optional(number, 10)
    lists_share         = optional(number, 0.1)
  })
  default  = {}
  nullable = false
}

variable "subscriptions_reserved_concurrency" {
  description = "Concurrent executions reserved for (and the most used by) the subscriptions function, so that a flood of its public URL cannot take the lists' concurrency. null or -1 turns it off: needed on an account whose concurrency limit is 10."
  type        = number
  default     = 5
}

variable "minimum_max_receives" {
  description = "The fewest receives before the DLQ that a list manifest may ask for (Lambda's guidance: at least 5)."
  type        = number
  default     = 5
}

variable "list_memory_size" {
  description = "Memory (MB) of every list function. 512 is the cheapest per email while the provider sets the pace (BENCHMARKS.md)."
  type        = number
  default     = 512
}

variable "architecture" {
  description = "arm64 (cheaper) or x86_64, for every function."
  type        = string
  default     = "arm64"
}

variable "point_in_time_recovery" {
  description = "Point-in-time recovery on the members tables. Off by default: it bills per GB-month while idle."
  type        = bool
  default     = false
}

variable "deletion_protection" {
  description = "Deletion protection on the members tables and the ledger (free)."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "How long the functions' logs are kept."
  type        = number
  default     = 30
}

variable "dlq_alarms" {
  description = "One CloudWatch alarm per list when its DLQ holds a message. Off by default: an alarm bills about 0.10 USD a month."
  type        = bool
  default     = false
}

variable "alarm_actions" {
  description = "ARNs (for example an SNS topic) that the DLQ alarms notify."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to every resource, besides project = listwire."
  type        = map(string)
  default     = {}
}

variable "feedback" {
  description = "The feedback function (modules/feedback), which reads bounces and complaints and suppresses the addresses. source: \"imap\" reads the sending mailbox (mailbox_host, mailbox_port, with the SMTP login) on an EventBridge Scheduler schedule and moves what it handled to handled_folder; \"ses\" reads SES notifications from an SNS topic through an SQS queue (ses_identity, when given, is pointed at the topic, include_original_headers on); \"none\" deploys nothing. table_name is its state table; transient_limit soft bounces within transient_days suppress an address."
  type = object({
    source                   = optional(string, "imap")
    schedule                 = optional(string, "rate(15 minutes)")
    mailbox_host             = optional(string, "imap.gmail.com")
    mailbox_port             = optional(number, 993)
    handled_folder           = optional(string, "listwire-feedback")
    ses_identity             = optional(string)
    include_original_headers = optional(bool, true)
    table_name               = optional(string, "listwire-feedback")
    transient_limit          = optional(number, 3)
    transient_days           = optional(number, 30)
  })
  default  = {}
  nullable = false

  validation {
    condition     = contains(["imap", "ses", "none"], var.feedback.source)
    error_message = "feedback.source is \"imap\" (the sending mailbox), \"ses\" (SES notifications) or \"none\"."
  }

  validation {
    condition     = var.feedback.ses_identity == null || var.feedback.source == "ses"
    error_message = "feedback.ses_identity points SES's notifications at the ses source's topic: set source = \"ses\" with it."
  }
}
