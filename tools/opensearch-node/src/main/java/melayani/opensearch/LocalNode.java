package melayani.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * A single OpenSearch node in this JVM, for development and CI (bin/opensearch starts it).
 *
 * <p>Modules and plugins come from the classpath instead of an installed distribution, so
 * Maven Central is the only source. No security manager and no bootstrap checks: it
 * listens on loopback only and is not a production server.
 */
public final class LocalNode extends Node {

    /** Always loaded: HTTP and transport, the analysis Wagtail's index settings need, scripts. */
    private static final List<String> REQUIRED = List.of(
            "org.opensearch.transport.Netty4Plugin",
            "org.opensearch.analysis.common.CommonAnalysisPlugin",
            "org.opensearch.painless.PainlessPlugin");

    /** k-NN's Lucene HNSW engine is pure Java; its native engines (faiss, nmslib) are absent. */
    private static final String KNN = "org.opensearch.knn.plugin.KNNPlugin";

    private LocalNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
        super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "melayani-local"),
                plugins, true);
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(env("OPENSEARCH_HOME", "var/opensearch")).toAbsolutePath();
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("plugins"));
        Settings settings = Settings.builder()
                .put("cluster.name", "melayani-local")
                .put("node.name", "melayani-local")
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", env("OPENSEARCH_PORT", "9200"))
                .put("transport.port", env("OPENSEARCH_TRANSPORT_PORT", "9300-9400"))
                // A development disk may be nearly full: never turn the indices read-only for it.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.destructive_requires_name", false)
                .build();

        Node node = new LocalNode(settings, plugins());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "melayani-local-shutdown"));
        node.start();
        System.out.println("OpenSearch node started: http://127.0.0.1:" + env("OPENSEARCH_PORT", "9200"));
        stopped.await();
    }

    private static Collection<Class<? extends Plugin>> plugins() throws ClassNotFoundException {
        List<Class<? extends Plugin>> plugins = new ArrayList<>();
        for (String name : REQUIRED) {
            plugins.add(Class.forName(name).asSubclass(Plugin.class));
        }
        if (!"false".equals(env("OPENSEARCH_KNN", "true"))) {
            try {
                plugins.add(Class.forName(KNN).asSubclass(Plugin.class));
            } catch (ClassNotFoundException | LinkageError e) {
                System.out.println("k-NN plugin not loaded: " + e);
            }
        }
        return plugins;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
