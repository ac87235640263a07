package cn.fpr.testsupport;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's memory backend, answering the {@code hello} handshake command as it answers
 * {@code isMaster}; without it Spring Boot's MongoDB health indicator reports DOWN.
 */
public final class HelloAnsweringMemoryBackend extends MemoryBackend {

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            Document answer = super.handleCommand(channel, database, "isMaster", query);
            answer.put("isWritablePrimary", Boolean.TRUE);
            return answer;
        }
        return super.handleCommand(channel, database, command, query);
    }
}
