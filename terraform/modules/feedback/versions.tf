terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The root module pins the exact version; a module only states the oldest it works with.
      version = ">= 6.29.0, < 7.0.0"
    }
  }
}
