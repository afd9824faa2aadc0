#!/usr/bin/env bash
# Rotate custom TLS certificates on DigitalOcean with openssl, curl and jq: the script a user would
# write without cert-rotate-action (the benchmark's baseline).
#
#   DO_TOKEN=... rotate-digitalocean.sh NAME CERT.pem KEY.pem CHAIN.pem [NAME CERT KEY CHAIN ...]
#   DO_TOKEN=... rotate-digitalocean.sh certificates.tsv      # lines: NAME<TAB>CERT<TAB>KEY<TAB>CHAIN
#
# Environment: DO_TOKEN (required), DO_API_URL (default https://api.digitalocean.com),
# CA_FILE (trust anchors for the chain check; default: the system's).
#
# For each certificate, one after the other: check it (valid for 7 more days, key matches, chain
# verifies), list the account's certificates, upload it as NAME-<first 12 hex of its SHA-1> unless
# that fingerprint is already there, confirm the upload, delete the older NAME-* certificates.
set -euo pipefail

api_url="${DO_API_URL:-https://api.digitalocean.com}"
: "${DO_TOKEN:?DO_TOKEN is required}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The token goes to curl in a header file, the keys to jq with --rawfile: no secret on a command line.
printf 'Authorization: Bearer %s\n' "$DO_TOKEN" >"$tmp/auth"

fail() {
  echo "error: $*" >&2
  exit 1
}

# api METHOD PATH [JSON_FILE]: prints the reply body. Waits and retries on 429 (retry-after, else
# 5 s); any other error status fails (except 404 on DELETE: already gone).
api() {
  local method="$1" path="$2" data=() status wait attempt
  if [[ $# -ge 3 ]]; then data=(-H 'Content-Type: application/json' --data-binary "@$3"); fi
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    status="$(curl -sS -X "$method" -H "@$tmp/auth" "${data[@]}" \
      -D "$tmp/headers" -o "$tmp/body" -w '%{http_code}' "$api_url$path")"
    if [[ $status == 429 ]]; then
      wait="$(awk -F': *' 'tolower($1) == "retry-after" { print $2 + 0 }' "$tmp/headers")"
      echo "rate limited on $method $path, retrying in ${wait:-5}s (attempt $attempt)" >&2
      sleep "${wait:-5}"
      continue
    fi
    if [[ $status == 2* || ($method == DELETE && $status == 404) ]]; then
      cat "$tmp/body"
      return 0
    fi
    fail "$method $path: HTTP $status: $(jq -r '.message? // empty' "$tmp/body" 2>/dev/null || true)"
  done
  fail "$method $path: still rate limited after $attempt attempts"
}

# All certificates of the account, one JSON object a line, into $tmp/all.
list_certificates() {
  local page=1 next
  : >"$tmp/all"
  while :; do
    api GET "/v2/certificates?per_page=200&page=$page" >"$tmp/page"
    jq -c '.certificates[]' "$tmp/page" >>"$tmp/all"
    next="$(jq -r '.links.pages.next? // empty' "$tmp/page")"
    if [[ -z $next ]]; then break; fi
    page=$((page + 1))
  done
}

rotate() {
  local name="$1" cert="$2" key="$3" chain="$4"
  local sha1 cert_name id state tries old summary deleted=0 trust=() untrusted=()

  # 1. Check the certificate.
  openssl x509 -in "$cert" -noout -checkend $((7 * 86400)) >/dev/null ||
    fail "$name: $cert expires within 7 days (or is not a certificate)"
  [[ "$(openssl x509 -in "$cert" -noout -pubkey)" == "$(openssl pkey -in "$key" -pubout)" ]] ||
    fail "$name: $key is not the key of $cert"
  if [[ -n ${CA_FILE:-} ]]; then trust=(-CAfile "$CA_FILE"); fi
  if [[ -s $chain ]]; then untrusted=(-untrusted "$chain"); fi
  openssl verify "${trust[@]}" "${untrusted[@]}" "$cert" >/dev/null ||
    fail "$name: the chain of $cert does not verify"

  # 2. SHA-1 of the DER, as DigitalOcean shows it: lowercase hex, no colons.
  sha1="$(openssl x509 -in "$cert" -noout -fingerprint -sha1 | cut -d= -f2 | tr -d : | tr 'A-F' 'a-f')"
  cert_name="$name-${sha1:0:12}"

  # 3. Upload unless this certificate is already there.
  list_certificates
  id="$(jq -r --arg fp "$sha1" 'select(.sha1_fingerprint == $fp) | .id' "$tmp/all" | head -n 1)"
  if [[ -z $id ]]; then
    jq -n --arg name "$cert_name" --rawfile key "$key" --rawfile leaf "$cert" --rawfile chain "$chain" \
      '{name: $name, type: "custom", private_key: $key, leaf_certificate: $leaf, certificate_chain: $chain}' \
      >"$tmp/upload.json"
    id="$(api POST /v2/certificates "$tmp/upload.json" | jq -r '.certificate.id')"
    rm -f "$tmp/upload.json"
    # Confirm: the fingerprint is ours and DigitalOcean accepted it (wait while it is pending).
    for tries in 1 2 3 4 5 6 7 8 9 10; do
      api GET "/v2/certificates/$id" >"$tmp/created"
      [[ "$(jq -r '.certificate.sha1_fingerprint' "$tmp/created")" == "$sha1" ]] ||
        fail "$name: certificate $id does not have the fingerprint $sha1"
      state="$(jq -r '.certificate.state // "verified"' "$tmp/created")"
      if [[ $state != pending ]]; then break; fi
      sleep 3
    done
    [[ $state == verified ]] || fail "$name: certificate $id is $state after $tries checks"
    summary="uploaded $cert_name ($id)"
  else
    summary="already uploaded ($id)"
  fi

  # 4. Delete the older versions: NAME-* with another fingerprint.
  while read -r old; do
    [[ -n $old ]] || continue
    api DELETE "/v2/certificates/$old" >/dev/null
    deleted=$((deleted + 1))
  done < <(jq -r --arg prefix "$name-" --arg fp "$sha1" \
    'select((.name | startswith($prefix)) and .sha1_fingerprint != $fp) | .id' "$tmp/all")
  echo "$name: $summary, deleted $deleted older version(s)"
}

# Arguments: NAME CERT KEY CHAIN groups, or one TSV file of them.
entries=()
if [[ $# -eq 1 ]]; then
  mapfile -t entries < <(grep -v -e '^[[:space:]]*$' -e '^#' "$1")
elif [[ $# -ge 4 && $(($# % 4)) -eq 0 ]]; then
  while [[ $# -gt 0 ]]; do
    entries+=("$1"$'\t'"$2"$'\t'"$3"$'\t'"$4")
    shift 4
  done
else
  sed -n '2,7s/^# \{0,1\}//p' "$0" >&2
  exit 2
fi

for entry in "${entries[@]}"; do
  IFS=$'\t' read -r name cert key chain <<<"$entry"
  [[ -n $name && -f $cert && -f $key && -f $chain ]] || fail "bad entry: $entry"
  rotate "$name" "$cert" "$key" "$chain"
done
