#!/usr/bin/env bash
# Drives a platform started with ./run.sh at a fixed arrival rate, measures the machine's own limits
# and writes a report with a chart to load-reports/. A tool, not a test; see README "Performance and
# reliability".
#
#   load/run-load.sh --rate 200 --seconds 120
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${AMENDS_DATA_DIR:-.amends}
[ -s "$DATA/infra.env" ] || { echo "load: start the platform first (./run.sh); $DATA/infra.env is missing"; exit 1; }
./mvnw -q -pl load -am package -DskipTests
exec java -cp "load/target/classes:$(cat load/target/runtime-classpath.txt)" dev.amends.load.LoadHarness --data "$DATA" "$@"
