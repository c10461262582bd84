variable "name" {
  description = "The function's name."
  type        = string
}

variable "description" {
  description = "What the function is for."
  type        = string
}

variable "role_name" {
  description = "The execution role's name (at most 64 characters)."
  type        = string

  validation {
    condition     = length(var.role_name) <= 64
    error_message = "IAM role names have at most 64 characters."
  }
}

variable "handler" {
  description = "The Lambda handler: a class name, or Class::method."
  type        = string
}

variable "artifact_path" {
  description = "The function's jar."
  type        = string
}

variable "timeout_seconds" {
  description = "The function timeout in seconds."
  type        = number
}

variable "memory_size" {
  description = "The function's memory in MB; CPU share grows with it."
  type        = number
  default     = 512
}

variable "architecture" {
  description = "arm64 (about 20% cheaper per GB-second) or x86_64; the jars are plain Java and run on both."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture is arm64 or x86_64."
  }
}

variable "environment" {
  description = "The function's environment variables. Not for secrets: they are stored in the state."
  type        = map(string)
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

variable "policy_json" {
  description = "The function's own permissions (an IAM policy document); writing its logs is added here."
  type        = string
}

variable "log_retention_days" {
  description = "How long the function's logs are kept."
  type        = number
  default     = 30
}

variable "reserved_concurrent_executions" {
  description = "Concurrency set aside for this function, which is also the most it may use; -1 (the default) reserves none and sets no limit."
  type        = number
  default     = -1
  nullable    = false
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
