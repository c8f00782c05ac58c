#!/bin/sh
# Sends a request mail to the privacy mailbox of a desk running in the default (demo) profile,
# whose embedded mail server takes SMTP on localhost:3025 and IMAP on localhost:3143.
#
#   scripts/send-test-mail.sh [access|erasure|complaint|other] [sender-address]
#
# "other" is a mail the desk cannot classify: it becomes a triage task in Tasklist.
# The acknowledgement arrives in the sender's mailbox within seconds: read it with
#   scripts/read-mailbox.sh [sender-address]
set -eu

kind=${1:-access}
from=${2:-newcomer@example.com}
host=${DESK_SMTP_HOST:-localhost}
port=${DESK_SMTP_PORT:-3025}
to=${DESK_MAILBOX:-privacy@lucidservices.uk}

case "$kind" in
  access)    subject="My data";          body="Hello, please send me a copy of my data. My mobile is 07700 900123. Thank you." ;;
  erasure)   subject="Call recordings";  body="Hello, please delete my call recordings. Thank you." ;;
  complaint) subject="My bill";          body="I want to complain about my bill: I have been charged twice this month." ;;
  other)     subject="Hello";            body="Can you call me back about my order please?" ;;
  *) echo "usage: $0 [access|erasure|complaint|other] [sender-address]" >&2; exit 2 ;;
esac

mail=$(mktemp)
trap 'rm -f "$mail"' EXIT
printf 'From: Newcomer <%s>\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s.%s@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n%s\r\n' \
  "$from" "$to" "$subject" "$(LC_ALL=C date -R)" "$(date +%s%N)" "$$" "$body" > "$mail"

curl --silent --show-error --url "smtp://$host:$port" --mail-from "$from" --mail-rcpt "$to" --upload-file "$mail"
echo "Sent a '$kind' request from $from to $to."
echo "Read the acknowledgement in a few seconds with: scripts/read-mailbox.sh $from"
