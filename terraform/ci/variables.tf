variable "region" {
  description = "The region the deployment lives in (the roles are global; the ARNs they allow are regional)."
  type        = string
  default     = "us-east-1"
}

variable "github_repository" {
  description = "The repository whose workflow assumes these roles, as owner/name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository is owner/name."
  }
}

variable "state_bucket" {
  description = "The S3 bucket that holds the deployment's Terraform state."
  type        = string
}

variable "ssm_parameter_prefix" {
  description = "The path under which the deployment's secrets live in SSM Parameter Store (SMTP credentials, link keys); the plan role is denied every parameter under it."
  type        = string
  default     = "/listwire/"

  validation {
    condition     = startswith(var.ssm_parameter_prefix, "/") && endswith(var.ssm_parameter_prefix, "/")
    error_message = "ssm_parameter_prefix starts and ends with /."
  }
}

variable "create_oidc_provider" {
  description = "Create GitHub's OIDC identity provider in this account; false when the account has it already."
  type        = bool
  default     = true
}
