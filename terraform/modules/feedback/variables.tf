variable "name" {
  description = "The function's name, which also names its role, its schedule (imap) or its topic and queues (ses)."
  type        = string
  default     = "listwire-feedback"
}

variable "source_kind" {
  description = "Where bounces and complaints come from: \"imap\" (the sending mailbox, read on a schedule) or \"ses\" (SES notifications through SNS and SQS). Only that source's resources are created."
  type        = string
  default     = "imap"

  validation {
    condition     = contains(["imap", "ses"], var.source_kind)
    error_message = "source_kind is \"imap\" or \"ses\" (the root module's feedback.source = \"none\" deploys no module)."
  }
}

variable "artifact_path" {
  description = "The feedback function's jar (feedback/target/function.jar); both handlers are in it."
  type        = string
}

variable "schedule" {
  description = "imap: how often the mailbox is read, an EventBridge Scheduler expression."
  type        = string
  default     = "rate(15 minutes)"

  validation {
    condition     = can(regex("^(rate|cron)\\(.+\\)$", var.schedule))
    error_message = "schedule is an EventBridge Scheduler rate(...) or cron(...) expression."
  }
}

variable "mailbox" {
  description = "imap: the sending account's IMAP server and the folder handled reports are moved to (created if missing). The login is the SMTP account's (its SSM parameters)."
  type = object({
    host           = optional(string, "imap.gmail.com")
    port           = optional(number, 993)
    handled_folder = optional(string, "listwire-feedback")
  })
  default  = {}
  nullable = false
}

variable "ses_identity" {
  description = "ses: the SES identity (domain or address) whose bounce, complaint and delivery notifications are pointed at the topic. null: none is changed (point one at the topic_arn output yourself)."
  type        = string
  default     = null
}

variable "include_original_headers" {
  description = "ses: include the original email's headers in the notifications; they carry X-Listwire-Delivery, which names the list, event and member."
  type        = bool
  default     = true
}

variable "max_receives" {
  description = "ses: receives before a notification moves to the DLQ."
  type        = number
  default     = 5
}

variable "ledger_table_name" {
  description = "The delivery ledger, where a report marks the delivery it is about."
  type        = string
}

variable "ledger_table_arn" {
  description = "The ledger's ARN; the function may only set the bounce, softBounce and complaint attributes."
  type        = string
}

variable "events_table_name" {
  description = "The event summaries table, whose bounced, softBounced and complaints counters a report adds to."
  type        = string
}

variable "events_table_arn" {
  description = "The event summaries table's ARN; the function may only add to those counters."
  type        = string
}

variable "suppression_table_name" {
  description = "The suppression list every list shares."
  type        = string
}

variable "suppression_table_arn" {
  description = "The suppression list's ARN; the function may add to it as the lists do, never delete."
  type        = string
}

variable "feedback_table_name" {
  description = "The function's own state table (mailbox cursor, reports acted on, soft bounces)."
  type        = string
}

variable "feedback_table_arn" {
  description = "The state table's ARN."
  type        = string
}

variable "member_tables" {
  description = "Every list's members table by list name ({name, arn}): a complaint is recorded on the member's item of its list."
  type = map(object({
    name = string
    arn  = string
  }))

  validation {
    condition     = length(var.member_tables) > 0
    error_message = "member_tables names at least one list (an IAM statement needs a resource)."
  }
}

variable "transient_limit" {
  description = "Soft bounces of one address within transient_days that suppress it."
  type        = number
  default     = 3
}

variable "transient_days" {
  description = "The window, in days, over which soft bounces are counted."
  type        = number
  default     = 30
}

variable "links_key_id" {
  description = "The id of the current link-signing key (the X-Listwire-Delivery header is signed with the links key)."
  type        = string
  default     = "k1"
}

variable "ssm_parameters" {
  description = "Names of the SSM parameters (SecureString) the function reads at start: the SMTP username and password (the mailbox's login) and the link keys, which verify X-Listwire-Delivery."
  # links_retired_keys: retired link keys by id; they verify headers of emails sent before a rotation.
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

variable "memory_size" {
  description = "The function's memory in MB."
  type        = number
  default     = 512
}

variable "timeout_seconds" {
  description = "The function timeout; a run reads at most what came since the last one. ses: the queue's visibility timeout is six times it."
  type        = number
  default     = 120
}

variable "architecture" {
  description = "arm64 or x86_64."
  type        = string
  default     = "arm64"
}

variable "log_retention_days" {
  description = "How long the function's logs are kept."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
