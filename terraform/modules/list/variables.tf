variable "name" {
  description = "The list's name from its manifest; names the queue, the table, the function and the role."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,62}$", var.name))
    error_message = "A list name matches ^[a-z][a-z0-9-]{2,62}$ (the rule ManifestReader and the archetype enforce)."
  }
}

variable "source_dir" {
  description = "The list's module directory, lists/<list>: its target/function.jar is the function's code."
  type        = string
}

variable "handler" {
  description = "The Lambda handler: the list's function class alone, without ::handleRequest."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9_.]*\\.[A-Z][A-Za-z0-9]*$", var.handler)) && !strcontains(var.handler, "::")
    error_message = "The handler is a fully qualified class name, without ::method (see the root README)."
  }
}

variable "batch_size" {
  description = "SQS messages per invocation (manifest tuning.batchSize)."
  type        = number

  validation {
    condition     = var.batch_size >= 1 && var.batch_size <= 10000
    error_message = "tuning.batchSize must be 1..10000 (the SQS event source mapping's range)."
  }
}

variable "timeout_seconds" {
  description = "The function timeout in seconds (manifest tuning.timeoutSeconds); also the ledger lease."
  type        = number

  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 900
    error_message = "tuning.timeoutSeconds must be 1..900 (the Lambda limit)."
  }
}

variable "max_receives" {
  description = "Receives before SQS moves a message to the DLQ (manifest tuning.maxReceives)."
  type        = number
}

variable "minimum_max_receives" {
  description = "The fewest receives a manifest may ask for. Lambda's guidance is at least 5, so that throttled receives do not dead-letter good messages."
  type        = number
  default     = 5
}

variable "max_concurrency" {
  description = "The most concurrent invocations the event source mapping starts (manifest tuning.maxConcurrency); AWS's minimum is 2."
  type        = number
  default     = 2

  validation {
    condition     = var.max_concurrency >= 2 && var.max_concurrency <= 1000
    error_message = "tuning.maxConcurrency must be 2..1000 (the range AWS accepts for an SQS event source mapping)."
  }
}

variable "memory_size" {
  description = "The function's memory in MB; CPU share grows with it."
  type        = number
  default     = 512
}

variable "architecture" {
  description = "arm64 (about 20% cheaper per GB-second) or x86_64 (../function checks which)."
  type        = string
  default     = "arm64"
}

variable "ledger_table_name" {
  description = "The shared delivery ledger table."
  type        = string
}

variable "ledger_table_arn" {
  description = "The shared delivery ledger table's ARN; the role may write only items whose key starts with <list>#."
  type        = string
}

variable "events_table_name" {
  description = "The table of event summaries every list shares."
  type        = string
}

variable "events_table_arn" {
  description = "The event summaries table's ARN; the role may only update items whose key (list) is this list's name."
  type        = string
}

variable "sending_table_arn" {
  description = "The shared sending-counter table's ARN; the role may update only its account's items."
  type        = string
}

variable "suppression_table_name" {
  description = "The suppression list every list shares."
  type        = string
}

variable "suppression_table_arn" {
  description = "The suppression list's ARN; the role may read it and record a refusal, never delete from it."
  type        = string
}

variable "sending" {
  description = "The SMTP account's counter table, name and limits (see the root module's sending variable)."
  type = object({
    table_name      = string
    account         = string
    rate_per_second = number
    daily_quota     = number
  })
}

variable "links_base_url" {
  description = "Where unsubscribe and preference links point (https)."
  type        = string
  nullable    = false

  validation {
    condition     = startswith(var.links_base_url, "https://")
    error_message = "links_base_url must be an https:// address."
  }
}

variable "links_key_id" {
  description = "The id of the link-signing key; it travels inside every token."
  type        = string
  default     = "k1"
}

variable "smtp" {
  description = "The SMTP server (not secret). The credentials come from SSM, see ssm_parameters."
  type = object({
    host     = string
    port     = number
    starttls = bool
  })
}

variable "ssm_parameters" {
  description = "Names of the SSM parameters (SecureString) the function reads at start: SMTP username and password, link-signing key. Their values are set out of band."
  # links_retired_keys: retired link keys by id; they verify links already sent and sign nothing.
  type = object({
    smtp_username      = string
    smtp_password      = string
    links_key          = string
    links_retired_keys = optional(map(string), {})
  })
}

variable "ssm_parameter_arn_prefix" {
  description = "arn:<partition>:ssm:<region>:<account>:parameter, to which a parameter name (starting with /) is appended."
  type        = string
}

variable "point_in_time_recovery" {
  description = "Point-in-time recovery for the members table. Off by default: it bills per GB-month while idle."
  type        = bool
  default     = false
}

variable "deletion_protection" {
  description = "Deletion protection for the members table (free); turn it off before destroying a list on purpose."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "How long the function's logs are kept."
  type        = number
  default     = 30
}

variable "dlq_alarm" {
  description = "A CloudWatch alarm when the DLQ holds a message. Off by default: an alarm bills about 0.10 USD a month."
  type        = bool
  default     = false
}

variable "alarm_actions" {
  description = "ARNs (for example an SNS topic) the DLQ alarm notifies."
  type        = list(string)
  default     = []
}

variable "environment" {
  description = "Extra environment variables for the function (not secrets: they are stored in the state)."
  type        = map(string)
  default     = {}
}

variable "tags" {
  description = "Tags for every resource of the list."
  type        = map(string)
  default     = {}
}
