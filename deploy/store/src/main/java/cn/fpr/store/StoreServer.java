package cn.fpr.store;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's store, as its own process: {@link StoreBackend} speaking the MongoDB wire
 * protocol, keeping its data in an H2 file so that it survives a restart (compacted as it goes).
 * Arguments: port, data file.
 */
public final class StoreServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        // rewrite pages once less than half of them is live data, so the file does not keep growing; keep a quarter of
        // the heap of pages read (H2's default is 16 MB): a page not kept is read and deserialised again on every
        // look-up, which under load was most of the store's work and garbage (docs/performance.md, P1 run 13)
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(50).cacheSize(cacheMegabytes()).open();
        MongoServer server = new MongoServer(new StoreBackend(store));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();   // closes the backend, which commits and closes the file
            stopped.countDown();
        }, "store-stop"));
        server.bind("127.0.0.1", port);
        System.out.println("store listening on 127.0.0.1:" + port + ", data in " + file);
        stopped.await();
    }

    /** A quarter of the heap the process may use, in megabytes. */
    private static int cacheMegabytes() {
        return (int) Math.max(16, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
    }

    private StoreServer() {
    }
}
