#!/bin/sh
# Sign one Windows program in place with osslsigncode; build.py and the NSIS uninstaller
# step call it when DIALDESK_SIGN_CERT names a .pfx certificate. The password comes from
# DIALDESK_SIGN_PASSWORD; DIALDESK_SIGN_TIMESTAMP="" signs without a time stamp server.
set -eu
file="$1"
stamp="${DIALDESK_SIGN_TIMESTAMP-http://timestamp.digicert.com}"
set -- sign -pkcs12 "$DIALDESK_SIGN_CERT" -pass "${DIALDESK_SIGN_PASSWORD:-}" -n DialDesk -h sha256
if [ -n "$stamp" ]; then
    set -- "$@" -ts "$stamp"
fi
osslsigncode "$@" -in "$file" -out "$file.signed"
mv "$file.signed" "$file"
