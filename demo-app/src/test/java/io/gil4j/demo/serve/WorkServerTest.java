package io.gil4j.demo.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.demo.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's answers, on one kept-alive client: ready, a task's result, a task's failure, the rest. */
class WorkServerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private WorkServer server;

    @BeforeEach
    void start() throws IOException {
        server = WorkServer.start("127.0.0.1", 0, 2, new Workload() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public Object runTask(int taskIndex) {
                if (taskIndex == 1) {
                    throw new IllegalStateException("task 1 fails");
                }
                return "task " + taskIndex;
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void root_answers_ready_and_work_runs_the_next_task_each_time() throws Exception {
        assertEquals("ready: workload test\n", send("GET", "/").body());
        assertEquals("task 0\n", send("GET", "/work").body());
        HttpResponse<String> failed = send("GET", "/work");
        assertEquals(500, failed.statusCode());
        assertTrue(failed.body().contains("task 1 fails"), failed.body());
        assertEquals("task 2\n", send("GET", "/work?ignored=1").body());
    }

    @Test
    void unknown_paths_are_404_and_other_methods_405() throws Exception {
        assertEquals(404, send("GET", "/elsewhere").statusCode());
        assertEquals(405, send("POST", "/work").statusCode());
    }
}
