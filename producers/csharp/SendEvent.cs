// Sends one event to a listwire list's queue. QUEUE_URL names the queue; credentials and region come
// from the usual AWS places (environment, profile, role). Usage: dotnet run -- '<json>' [eventId]
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;

var payload = JsonDocument.Parse(args[0]);                     // fails here if the event is not JSON
var endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_SQS"); // only for the devstack
using var sqs = endpoint is null ? new AmazonSQSClient() : new AmazonSQSClient(new AmazonSQSConfig { ServiceURL = endpoint });

var request = new SendMessageRequest
{
    QueueUrl = Environment.GetEnvironmentVariable("QUEUE_URL"),
    MessageBody = JsonSerializer.Serialize(payload.RootElement),
};
if (args.Length > 1)
{
    // Same eventId, same event: a retried send cannot email anyone twice.
    request.MessageAttributes["eventId"] = new MessageAttributeValue { DataType = "String", StringValue = args[1] };
}
var response = await sqs.SendMessageAsync(request);
Console.WriteLine(response.MessageId);
