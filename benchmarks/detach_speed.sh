#!/bin/bash
# Run from the repository root after ./mvnw -B -DskipTests package; prints the three throughputs.
# Throughput of the demo service under load: without the agent, after attach (gil), after detach.
cd "$(dirname "$0")/.."
AGENT=agent/target/gil4j-agent.jar; DEMO=demo-app/target/gil4j-demo.jar
java -jar $DEMO serve --port 18282 > /dev/null 2> /tmp/ds.err & PID=$!
for t in $(seq 1 60); do grep -q "serve: .* on http" /tmp/ds.err && break; sleep 0.5; done
load() { java -jar $DEMO load --url http://127.0.0.1:18282/work --duration 15s --concurrency 4 2>/dev/null | sed -n 2p | awk '{print $4}'; }
load > /dev/null   # warm-up
echo "before attach: $(load) req/s"
java -jar $AGENT attach $PID mode=gil control.port=0 > /dev/null
load > /dev/null
echo "attached, gil: $(load) req/s"
java -jar $AGENT detach $PID > /dev/null
load > /dev/null
echo "after detach: $(load) req/s"
kill $PID; wait
