#!/usr/bin/env bash
# Check which certificate each endpoint serves with openssl s_client, the way users check by hand:
# the benchmark's baseline for a check run. One endpoint after another.
#
#   check-endpoints.sh endpoints.tsv EXPECTED_SHA1     # lines: HOST<TAB>ADDRESS<TAB>PORT
#
# Prints HOST SHA1 per endpoint; exits non-zero when an endpoint serves nothing or another
# certificate. `-servername` sends the host as SNI while connecting to the pinned address (curl's
# --resolve, by hand); `timeout` bounds each endpoint.
set -euo pipefail

list="${1:?usage: check-endpoints.sh endpoints.tsv EXPECTED_SHA1}"
expected="${2:?usage: check-endpoints.sh endpoints.tsv EXPECTED_SHA1}"
status=0
while IFS=$'\t' read -r host address port; do
  [[ -n $host ]] || continue
  served="$(timeout 10 openssl s_client -connect "$address:$port" -servername "$host" </dev/null 2>/dev/null |
    openssl x509 -noout -fingerprint -sha1 2>/dev/null || true)"
  sha1="$(printf '%s' "${served#*=}" | tr -d ':' | tr 'A-F' 'a-f')"
  echo "$host ${sha1:-none}"
  if [[ $sha1 != "$expected" ]]; then status=1; fi
done <"$list"
exit "$status"
