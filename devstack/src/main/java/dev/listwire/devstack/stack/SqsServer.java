package dev.listwire.devstack.stack;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Map;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import scala.Function0;

/**
 * ElasticMQ, embedded: the SQS API on the devstack's port. Messages are kept in an H2 file under the
 * state folder, so what is waiting in a queue (or was returned to it at Ctrl-C) is there at the next start.
 */
final class SqsServer implements AutoCloseable {

    private final Function0<?> shutdown;

    private SqsServer(Function0<?> shutdown) {
        this.shutdown = shutdown;
    }

    static SqsServer start(int port, Path stateDir) {
        Config config = ConfigFactory.parseMap(Map.of(
                        "node-address.host",
                        "localhost",
                        "node-address.port",
                        port,
                        "rest-sqs.bind-port",
                        port,
                        "rest-sqs.bind-hostname",
                        "127.0.0.1",
                        "rest-stats.enabled",
                        false,
                        "aws.region",
                        LocalEndpoints.REGION,
                        "messages-storage.enabled",
                        true,
                        "messages-storage.uri",
                        "jdbc:h2:" + stateDir.resolve("sqs/elasticmq").toAbsolutePath()))
                .withFallback(ConfigFactory.load(SqsServer.class.getClassLoader()));
        return new SqsServer(new ElasticMQServer(new ElasticMQServerConfig(config)).start());
    }

    @Override
    public void close() {
        shutdown.apply();
    }
}
