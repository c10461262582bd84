"""Sends one event to a listwire list's queue.

QUEUE_URL names the queue; credentials and region come from the usual AWS places (environment, profile,
role). Usage: python3 send_event.py '<json>' [eventId]
"""
import json
import os
import sys

import boto3


def send_event(payload, event_id=None):
    # AWS_ENDPOINT_URL_SQS is only for the devstack; older boto3 versions do not read it themselves.
    sqs = boto3.client("sqs", endpoint_url=os.environ.get("AWS_ENDPOINT_URL_SQS"))
    # Same eventId, same event: a retried send cannot email anyone twice.
    attributes = {"eventId": {"DataType": "String", "StringValue": event_id}} if event_id else {}
    response = sqs.send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody=json.dumps(payload),
                                MessageAttributes=attributes)
    return response["MessageId"]


if __name__ == "__main__":
    print(send_event(json.loads(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None))
