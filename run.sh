#!/usr/bin/env bash
# Runs the whole Amends platform on this machine: a real Kafka broker (KRaft, from the Maven
# Central jars), PostgreSQL (the machine's own, or an embedded one when none answers), Keycloak (from
# Maven Central, on Java 21+) for signing in to the console, the four services as separate processes
# on ports 8081-8084 and the console on 8085.
#
#   ./run.sh        build what is needed, start everything, stay in the foreground (Ctrl-C stops it)
#   ./run.sh stop   stop what an earlier ./run.sh started, from another terminal
#
# Needs only a JDK 17+. Data (Kafka log, embedded PostgreSQL, logs) lives in ./.amends.
set -euo pipefail
cd "$(dirname "$0")"

DATA=${AMENDS_DATA_DIR:-.amends}
SERVICES=(intake-service:8081 recovery-service:8082 notification-service:8083 review-service:8084 console:8085)
PIDS="$DATA/pids"

say() { printf 'amends: %s\n' "$*"; }

stop_all() {
  local stopped=0
  # Services first, and only once they are gone the broker and the database under them.
  for group in "*-service" "console" "infrastructure"; do
    for pidfile in "$PIDS"/$group.pid; do
      [ -e "$pidfile" ] || continue
      local pid; pid=$(cat "$pidfile")
      if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null && stopped=$((stopped + 1)); fi
    done
    for pidfile in "$PIDS"/$group.pid; do
      [ -e "$pidfile" ] || continue
      local pid; pid=$(cat "$pidfile")
      for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
    done
  done
  rm -f "$DATA/infra.env"
  say "stopped $stopped process(es)"
}

if [ "${1:-}" = "stop" ]; then stop_all; exit 0; fi

command -v java >/dev/null || { say "a JDK 17 or newer is needed and 'java' is not on the PATH"; exit 1; }
mkdir -p "$DATA/logs" "$PIDS"
for pidfile in "$PIDS"/*.pid; do
  [ -e "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && { say "already running; './run.sh stop' first"; exit 1; }
done
rm -f "$PIDS"/*.pid "$DATA/infra.env"

started=$(date +%s)
say "building the services (./mvnw package, tests skipped)"
./mvnw -q -DskipTests package
built=$(date +%s)

services_pids=()
infra_pid=""
shutdown() {
  # The terminal or a pipe may be gone already (Ctrl-C on `./run.sh | tee`): stopping must not
  # depend on being able to print.
  trap '' PIPE
  trap - INT TERM EXIT
  set +e
  say "stopping" 2>/dev/null
  for pid in "${services_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${services_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$infra_pid" ] && { kill "$infra_pid" 2>/dev/null || true; wait "$infra_pid" 2>/dev/null || true; }
  rm -f "$PIDS"/*.pid "$DATA/infra.env"
  say "stopped" 2>/dev/null
}
trap shutdown INT TERM EXIT

say "starting Kafka and preparing PostgreSQL (log: $DATA/logs/infrastructure.log)"
AMENDS_DATA_DIR="$DATA" java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "devkit/target/classes:$(cat devkit/target/runtime-classpath.txt)" dev.amends.devkit.LocalPlatform \
  >"$DATA/logs/infrastructure.log" 2>&1 &
infra_pid=$!
echo "$infra_pid" >"$PIDS/infrastructure.pid"
for _ in $(seq 1 600); do
  [ -s "$DATA/infra.env" ] && break
  if ! kill -0 "$infra_pid" 2>/dev/null; then
    say "the infrastructure did not start; the end of $DATA/logs/infrastructure.log says:"
    tail -n 20 "$DATA/logs/infrastructure.log"
    exit 1
  fi
  sleep 0.2
done
grep '^amends:' "$DATA/logs/infrastructure.log" || true
set -a; . "$DATA/infra.env"; set +a
# Without an identity provider (no Java 21 for Keycloak) the console cannot sign anyone in.
if [ -z "${AMENDS_CONSOLE_OIDC_URL:-}" ]; then SERVICES=("${SERVICES[@]/console:8085}"); SERVICES=(${SERVICES[@]}); fi

for entry in "${SERVICES[@]}"; do
  name=${entry%%:*}
  # One instance of each: it rejoins its consumer groups as the same static member after a restart.
  AMENDS_KAFKA_INSTANCE_ID=local-1 java -jar "$name/target/quarkus-app/quarkus-run.jar" \
    >"$DATA/logs/$name.log" 2>&1 &
  services_pids+=($!)
  echo "$!" >"$PIDS/$name.pid"
done

ready() { curl -fsS -o /dev/null "http://localhost:$1/q/health/ready" 2>/dev/null; }
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*}; port=${entry##*:}
  for _ in $(seq 1 300); do
    ready "$port" && break
    if ! kill -0 "$(cat "$PIDS/$name.pid")" 2>/dev/null; then
      say "$name stopped while starting; the end of $DATA/logs/$name.log says:"
      tail -n 20 "$DATA/logs/$name.log"
      exit 1
    fi
    sleep 0.2
  done
  ready "$port" || { say "$name is not ready after 60 s; see $DATA/logs/$name.log"; exit 1; }
done

if [ -n "${AMENDS_CONSOLE_OIDC_URL:-}" ]; then
  console="
  CONSOLE               http://localhost:8085
    sign in as supervisor, manager, policy-admin or ops (the local tenant's staff, one per role),
    password: $(cat "$DATA/console-password")   (Keycloak: $AMENDS_CONSOLE_OIDC_URL)
"
else
  console="
  console               not started: Keycloak needs Java 21+ (set AMENDS_KEYCLOAK_JAVA_HOME)
"
fi
cat <<INFO
amends: the platform is up: built in $(( built - started )) s, started in $(( $(date +%s) - built )) s
$console
  intake-service        http://localhost:8081   (Swagger UI: http://localhost:8081/q/swagger-ui)
  recovery-service      http://localhost:8082
  notification-service  http://localhost:8083
  review-service        http://localhost:8084
  Kafka                 $KAFKA_BOOTSTRAP_SERVERS
  e-mail to customers   SMTP capture on 127.0.0.1:$AMENDS_SMTP_PORT; read it over IMAP (user and password: the address)
  SMS to customers      sandbox at $AMENDS_SMS_BASE_URL; what was sent: $AMENDS_SMS_BASE_URL/__admin/requests
  review replies        Google stand-in at $AMENDS_GOOGLE_BASE_URL; what was posted: $AMENDS_GOOGLE_BASE_URL/__admin/requests
  logs                  $DATA/logs/

A local tenant, "local", is ready. Its staff token (every role; valid 30 days, made anew at each
start, also in $DATA/local-token) is sent by the requests below:
  TOKEN=$(cat "$DATA/local-token")
API keys for a CRM integration: POST /api/v1/api-keys on intake (see Swagger UI), then send X-Api-Key.

File a complaint:
  curl -si http://localhost:8081/api/v1/complaints -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '{
    "customer": {"id": "CUST-1042", "name": "Ada Lovelace", "email": "ada@example.com", "timeZone": "Europe/London"},
    "receivedVia": "EMAIL", "category": "DELIVERY", "summary": "Fridge delivered two weeks late",
    "story": "I took two days off work to wait for the fridge and nobody came. Nobody called either.",
    "desiredOutcome": "My delivery fee back", "orderReference": "ORD-2026-118",
    "amountAtStake": {"amount": "39.00", "currency": "EUR"}}'
Then follow it (the Location header names it), and see what the customer was sent:
  curl -s http://localhost:8081/api/v1/complaints/<id> -H "Authorization: Bearer \$TOKEN"
  curl -s "http://localhost:8083/api/v1/notifications?complaintId=<id>" -H "Authorization: Bearer \$TOKEN"
  curl -s --url "imap://127.0.0.1:3143/INBOX;UID=1" --user ada@example.com:ada@example.com
Push a review as a platform connector would (signed with the secret in $DATA/review-webhook-secret):
  body='{"platform":"GOOGLE","platformReviewId":"accounts/1/locations/1/reviews/r1","rating":1,
    "authorName":"Ada L.","text":"Fridge two weeks late, nobody answered and I got nothing for it.","writtenAt":"'\$(date -u +%FT%TZ)'",
    "orderReference":"ORD-2026-118"}'
  t=\$(date +%s); sig=\$(printf '%s.%s' "\$t" "\$body" | openssl dgst -sha256 -hmac "\$(cat $DATA/review-webhook-secret)" | cut -d' ' -f2)
  curl -si http://localhost:8084/api/v1/reviews -H 'Content-Type: application/json' -H 'Amends-Tenant: local' \\
    -H "Amends-Signature: t=\$t,v1=\$sig" -d "\$body"
Then read the draft, and approve it to post it to the stand-in:
  curl -s http://localhost:8084/api/v1/reviews/<id> -H "Authorization: Bearer \$TOKEN"
  curl -s http://localhost:8084/api/v1/reviews/<id>/approve -H "Authorization: Bearer \$TOKEN" \\
    -H 'Content-Type: application/json' -d '{}'

Ctrl-C stops everything this command started.
INFO
wait "${services_pids[@]}"
