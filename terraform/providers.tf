provider "aws" {
  region = var.region

  default_tags {
    tags = merge({ project = "listwire" }, var.tags)
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}
