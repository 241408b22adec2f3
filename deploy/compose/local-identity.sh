#!/bin/sh
# The compose platform's stand-in for an identity provider: a key pair kept in the shared volume
# (the services verify tokens with its public key) and a 30-day token for the local tenant's staff
# (every role), printed and written to local-token. A deployment uses its real provider instead.
set -eu
dir=${IDENTITY_DIR:-/identity}
if [ ! -f "$dir/private-key.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private-key.pem" 2>/dev/null
  openssl pkey -in "$dir/private-key.pem" -pubout -out "$dir/public-key.pem"
fi
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
claims=$(printf '{"iss":"https://amends.local","aud":"amends","sub":"local-admin","upn":"local-admin","tenant":"local","groups":["crm-client","supervisor","manager","policy-admin","ops"],"iat":%s,"exp":%s}' \
  "$now" "$((now + 30 * 24 * 3600))" | b64url)
signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$dir/private-key.pem" | b64url)
printf '%s.%s.%s\n' "$header" "$claims" "$signature" > "$dir/local-token"
echo "amends: the local tenant's staff token (also in the identity volume, local-token):"
cat "$dir/local-token"
