import static org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner.newConfigs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;

/**
 * Runs one Elasticsearch node, or a small cluster, bound to 127.0.0.1 on fixed ports.
 *
 * <p>The cluster runner alone lets nodes discover any other runner on the machine through
 * the default transport ports; pinning the ports and the seed list keeps the test suite's
 * node and the benchmark's node from joining each other. A node of a cluster is stopped by
 * creating the file control/stop-N under the base path, so a test can take one node away
 * and watch the others keep answering.
 *
 * <p>Arguments: base path, number of nodes, base HTTP port (node N listens on port + N and
 * talks to the others on port + 50 + N).
 */
public final class LocalSearchNode {
  private LocalSearchNode() {}

  public static void main(String[] args) throws Exception {
    final String basePath = args[0];
    final int nodes = Integer.parseInt(args[1]);
    final int httpBase = Integer.parseInt(args[2]);
    final int transportBase = httpBase + 50;
    final List<String> seeds = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    for (int number = 1; number <= nodes; number++) {
      seeds.add("127.0.0.1:" + (transportBase + number));
      names.add("Node " + number);
    }

    final ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
    runner.setMaxHttpPort(httpBase + nodes + 1);
    runner.onBuild(
        (number, settings) -> {
          settings.put("network.host", "127.0.0.1");
          settings.put("http.port", String.valueOf(httpBase + number));
          settings.put("transport.port", String.valueOf(transportBase + number));
          settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
          settings.put("http.max_content_length", "50mb");
          // The node runs the serial collector to stay small, which leaves garbage counted
          // as used heap until a full collection: measured by real memory, the parent
          // breaker refused a third rebuild in a row on a 1 GB heap holding 12 kB of
          // segments. The child breakers (requests, field data, in-flight) still apply.
          settings.put("indices.breaker.total.use_real_memory", "false");
          if (nodes == 1) {
            settings.put("discovery.type", "single-node");
          } else {
            settings.putList("discovery.seed_hosts", seeds);
            settings.putList("cluster.initial_master_nodes", names);
          }
        });
    runner.build(
        newConfigs()
            .basePath(basePath)
            .numOfNode(nodes)
            .baseHttpPort(httpBase)
            .clusterName("network-search-" + httpBase));

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        runner.close();
      } catch (Exception ignored) {
        // the process is ending either way
      }
    }));

    final Path control = Paths.get(basePath, "control");
    Files.createDirectories(control);
    final boolean[] stopped = new boolean[nodes + 1];
    while (true) {
      for (int number = 1; number <= nodes; number++) {
        if (!stopped[number] && Files.exists(control.resolve("stop-" + number))) {
          stopped[number] = true;
          runner.getNode(number - 1).close();
          System.out.println("Stopped node " + number);
        }
      }
      Thread.sleep(200);
    }
  }
}
