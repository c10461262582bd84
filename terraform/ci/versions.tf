terraform {
  required_version = ">= 1.11.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "= 6.29.0"
    }
  }

  # Applied once per account by an administrator, from a shell, with local state or a backend of one's own:
  # these roles are what the workflow assumes, so the workflow cannot be what creates them.
}
