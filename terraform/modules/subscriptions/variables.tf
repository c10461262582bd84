variable "name" {
  description = "The function's (and its role's) name."
  type        = string
  default     = "listwire-subscriptions"
}

variable "artifact_path" {
  description = "The subscriptions function's jar (subscriptions/target/function.jar)."
  type        = string
}

variable "handler" {
  description = "The app's handler behind the function URL (payload format 2.0): Micronaut's APIGatewayV2HTTPEventFunction plus multipart one-click forms."
  type        = string
  default     = "dev.listwire.subscriptions.SubscriptionsFunction"
}

variable "list_tables" {
  description = "Every list's members table ARN, by list name. The table must have the list's name: the app reads a list's members from the table named as the list. The function may read and write these tables and no others."
  type        = map(string)
}

variable "ledger_table_name" {
  description = "The delivery ledger table, where the app counts \"email me a link\" requests per address (keys rate-limit#…)."
  type        = string
}

variable "ledger_table_arn" {
  description = "The ledger table's ARN; the function may only update its rate-limit# items."
  type        = string
}

variable "sending_table_arn" {
  description = "The shared sending-counter table's ARN: each \"email me a link\" email reserves one send there, like a list's; the role may touch only its account's items."
  type        = string
}

variable "sending" {
  description = "The SMTP account's counter table, name and limits, the same as the lists' (see the root module's sending variable)."
  type = object({
    table_name      = string
    account         = string
    rate_per_second = number
    daily_quota     = number
  })
}

variable "link_caps" {
  description = "Caps on the public \"email me a link\" form: per_hour link emails from every client together (null: 2% of sending.daily_quota), per_client_per_hour requests from one source IP, and lists_share, the share of the day's quota the form never takes (kept for the lists)."
  type = object({
    per_hour            = optional(number)
    per_client_per_hour = optional(number, 10)
    lists_share         = optional(number, 0.1)
  })
  default  = {}
  nullable = false

  validation {
    condition     = (var.link_caps.per_hour == null ? true : var.link_caps.per_hour >= 1) && var.link_caps.per_client_per_hour >= 1 && var.link_caps.lists_share >= 0 && var.link_caps.lists_share < 1
    error_message = "link_caps: per_hour (when set) and per_client_per_hour must be at least 1, lists_share in [0, 1)."
  }
}

variable "reserved_concurrency" {
  description = "Concurrent executions reserved for the function, which are also its ceiling: a flood of requests cannot take the account's concurrency from the list functions. null or -1: no reservation and no ceiling (an account whose concurrency limit is 10, as new accounts have, cannot reserve any)."
  type        = number
  default     = 5

  validation {
    condition     = var.reserved_concurrency == null ? true : (var.reserved_concurrency == -1 || var.reserved_concurrency >= 1)
    error_message = "reserved_concurrency must be null, -1 (off) or at least 1 (0 would stop the function)."
  }
}

variable "suppression_table_name" {
  description = "The suppression list every list shares; a join through the preference center takes the address off it."
  type        = string
}

variable "suppression_table_arn" {
  description = "The suppression list's ARN; the function may only delete items from it."
  type        = string
}

variable "from" {
  description = "From of the \"email me a link\" email (with Gmail: the sending account or one of its aliases). When null, the app's default (preferences@listwire.dev)."
  type = object({
    address = string
    name    = optional(string, "listwire")
  })
  default = null
}

variable "links_base_url" {
  description = "The preference center's public https address, if it has one besides its function URL. A function cannot be told its own function URL by Terraform (a cycle): when null, the app takes it from the function URL a request came to."
  type        = string
  default     = null
}

variable "links_key_id" {
  description = "The id of the link-signing key."
  type        = string
  default     = "k1"
}

variable "smtp" {
  description = "The SMTP server for the \"send me a link\" emails (not secret)."
  type = object({
    host     = string
    port     = number
    starttls = bool
  })
}

variable "ssm_parameters" {
  description = "Names of the SSM parameters (SecureString) the function reads at start."
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

variable "memory_size" {
  description = "The function's memory in MB."
  type        = number
  default     = 512
}

variable "timeout_seconds" {
  description = "The function timeout; a page request should answer well within it."
  type        = number
  default     = 30
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
