terraform {
  # 1.11: S3 state locking without a DynamoDB table (use_lockfile); validation across variables (1.9).
  required_version = ">= 1.11.0, < 2.0.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Pinned exactly; 6.29.0 is the first with aws_lambda_permission.invoked_via_function_url.
      # .terraform.lock.hcl is written by the first `terraform init` (see README) and then committed.
      version = "= 6.29.0"
    }
  }

  # Partial configuration: bucket, key and region come from `terraform init -backend-config=...`
  # (the workflow passes them from repository variables). See README "State".
  backend "s3" {}
}
