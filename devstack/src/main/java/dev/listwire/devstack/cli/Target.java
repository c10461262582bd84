package dev.listwire.devstack.cli;

import dev.listwire.devstack.stack.LocalEndpoints;
import dev.listwire.devstack.stack.Ports;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Which system a command works on: the devstack with {@code --local}, otherwise AWS with the default
 * credentials and region (environment, profile, SSO), as every AWS tool finds them.
 */
final class Target {

    @Option(
            names = "--local",
            description =
                    "Work on the devstack on this machine (default: AWS, with the default credentials and region).")
    boolean local;

    DynamoDbClient dynamoDb() {
        return local ? new LocalEndpoints(Ports.configured()).dynamoDbClient() : DynamoDbClient.create();
    }

    SqsClient sqs() {
        return local ? new LocalEndpoints(Ports.configured()).sqsClient() : SqsClient.create();
    }

    String where() {
        return local ? "the devstack" : "AWS";
    }
}
