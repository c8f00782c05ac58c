#!/bin/sh
# Prints the newest mail in a mailbox of the embedded demo mail server (IMAP on localhost:3143).
# The embedded server creates a mailbox for every address it delivers to, with the address as
# both user name and password.
#
#   scripts/read-mailbox.sh [address]
set -eu

address=${1:-newcomer@example.com}
host=${DESK_IMAP_HOST:-localhost}
port=${DESK_IMAP_PORT:-3143}

count=$(curl --silent --show-error --url "imap://$host:$port/INBOX" --user "$address:$address" --request "EXAMINE INBOX" 2>/dev/null \
  | sed -n "s/^\\* \\([0-9][0-9]*\\) EXISTS.*/\\1/p") || true
if [ -z "$count" ] || [ "$count" -eq 0 ]; then
  echo "No mail for $address yet."
  exit 1
fi
echo "$count mail(s) for $address; the newest:"
echo
curl --silent --show-error --url "imap://$host:$port/INBOX;MAILINDEX=$count" --user "$address:$address"
