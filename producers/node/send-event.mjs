// Sends one event to a listwire list's queue. QUEUE_URL names the queue; credentials and region come
// from the usual AWS places (environment, profile, role). Usage: node send-event.mjs '<json>' [eventId]
import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";

export async function sendEvent(payload, eventId) {
  const sqs = new SQSClient({ endpoint: process.env.AWS_ENDPOINT_URL_SQS }); // endpoint: only for the devstack
  const { MessageId } = await sqs.send(new SendMessageCommand({
    QueueUrl: process.env.QUEUE_URL,
    MessageBody: JSON.stringify(payload),
    // Same eventId, same event: a retried send cannot email anyone twice.
    MessageAttributes: eventId ? { eventId: { DataType: "String", StringValue: eventId } } : undefined,
  }));
  return MessageId;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await sendEvent(JSON.parse(process.argv[2]), process.argv[3]));
}
