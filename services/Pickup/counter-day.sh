#!/usr/bin/env bash
# The store pickup counter's day (services/Pickup/README.md), as the README's curl commands, against a running platform:
#   dotnet run --project AppHost        # in another terminal, until it prints "OmniChannel is up"
#   bash services/Pickup/counter-day.sh
# HOUSTON's cashier places an order whose goods SEATTLE's counter hands over; SEATTLE's cashier prints its receipt, receives
# it by scanning, looks it up in the history and completes it (the order captures the payment). Each step prints what the
# platform answered. Needs curl and python3 (to read JSON). GATEWAY and IDENTITY point elsewhere when set.
set -euo pipefail
GATEWAY=${GATEWAY:-http://127.0.0.1:8080}
IDENTITY=${IDENTITY:-http://127.0.0.1:5100}

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }
token() { curl -sf "$IDENTITY/connect/token" "$@" | json "d['access_token']"; }
step() { printf '\n== %s\n' "$*"; }

T1='-d client_id=terminal-houston-1 -d client_secret=dev-secret-terminal-houston-1'
HOUSTON=$(token -d grant_type=password $T1 -d username=1001 -d password=dev-password-1001)   # cashier 1001 at HOUSTON T1
TOKEN=$(token -d grant_type=password -d client_id=terminal-seattle-1 -d client_secret=dev-secret-terminal-seattle-1 \
  -d username=2001 -d password=dev-password-2001)                                                # cashier 2001 at SEATTLE T1

step "HOUSTON's cashier places an order to be collected at SEATTLE (ORD-1, PUP-1)"
NUMBER=$(curl -sf -H "Authorization: Bearer $HOUSTON" -H 'content-type: application/json' -H "Idempotency-Key: HOU-T1-$(date +%s%N)" \
  -d '{"storeId":"HOUSTON","terminalId":"T1","customerId":"2001",
       "lines":[{"sku":"82001","quantity":1,"fulfillment":{"type":"pickup","storeId":"SEATTLE"}}],
       "deposit":{"tenderTypeId":"CARD","cardTypeId":"VISA","cardToken":"tok_visa_4242"}}' \
  "$GATEWAY/api/orders" | json "d['confirmationNumber']")
echo "order $NUMBER"

step "SEATTLE's counter finds its pickup request by the receipt number (PUP-7)"
for _ in $(seq 1 60); do
  REQUEST=$(curl -sf -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/pickups/stores/SEATTLE/requests?receipt=$NUMBER")
  [ "$(echo "$REQUEST" | json 'len(d)')" = 1 ] && break
  sleep 1 # polling the order's confirmation, which the saga reaches asynchronously
done
PICKUP=$(echo "$REQUEST" | json "d[0]['id']")
UPC=$(echo "$REQUEST" | json "d[0]['items'][0]['scanCode']")
echo "pickup $PICKUP, status $(echo "$REQUEST" | json "d[0]['status']"), its item scanned as $UPC"

step "Print pending now (PUP-1): the receipt goes on SEATTLE's print queue; the print agent downloads and acknowledges it"
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/pickups/stores/SEATTLE/printing/run" >/dev/null
JOB=$(curl -sf -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/pickups/stores/SEATTLE/print-jobs" |
  json "[j['id'] for j in d if j['pickupId'] == '$PICKUP'][0]")
curl -sf -H "Authorization: Bearer $TOKEN" -o "receipt-$NUMBER.pdf" "$GATEWAY/api/pickups/print-jobs/$JOB/document"
echo "receipt-$NUMBER.pdf: $(head -c 8 "receipt-$NUMBER.pdf")"
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/pickups/print-jobs/$JOB/acknowledgement" >/dev/null
curl -sf -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/pickups/stores/SEATTLE/printing" | json "'last print at ' + d['lastPrintAt']"

step "Receive (PUP-3): the receipt's barcode, then every item by its UPC; a wrong item is refused"
curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{\"barcode\":\"$NUMBER\"}" \
  "$GATEWAY/api/pickups/$PICKUP/receiving/receipt" >/dev/null
curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: T1-$(date +%s%N)" \
  -d '{"code":"000000000000"}' "$GATEWAY/api/pickups/$PICKUP/receiving/items" | json "'wrong item: ' + d['code']"
curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: T1-$(date +%s%N)" \
  -d "{\"code\":\"$UPC\"}" "$GATEWAY/api/pickups/$PICKUP/receiving/items" | json "'status ' + d['status'] + ', on the hanger: ' + str(d['onHanger'])"

step "History (PUP-7): today's received requests, newest first; the request's own events"
TODAY=$(TZ=America/Los_Angeles date +%F)
curl -sf -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/pickups/stores/SEATTLE/requests?status=Received&from=$TODAY&to=$TODAY&sort=-requested" |
  json "'received today: ' + ', '.join(r['confirmationNumber'] for r in d[:5])"
curl -sf -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/pickups/$PICKUP/history" | json "' → '.join(e['type'] for e in d)"

step "Complete (PUP-4): the receipt and the item handed over; the order captures the balance"
curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: T1-$(date +%s%N)" \
  -d "{\"receipt\":\"$NUMBER\",\"items\":[{\"sku\":\"82001\",\"quantity\":1}]}" "$GATEWAY/api/pickups/$PICKUP/completion" |
  json "'status ' + d['status']"
for _ in $(seq 1 60); do
  STATUS=$(curl -sf -H "Authorization: Bearer $HOUSTON" "$GATEWAY/api/orders/$NUMBER" | json "d['status']")
  [ "$STATUS" = Completed ] && break
  sleep 1 # polling the saga's capture
done
echo "order $NUMBER: $STATUS"

step "A second order SEATTLE cannot serve: not possible, with the reason (PUP-5); the order is cancelled and nothing charged"
NUMBER2=$(curl -sf -H "Authorization: Bearer $HOUSTON" -H 'content-type: application/json' -H "Idempotency-Key: HOU-T1-$(date +%s%N)" \
  -d '{"storeId":"HOUSTON","terminalId":"T1","customerId":"2001",
       "lines":[{"sku":"82001","quantity":1,"fulfillment":{"type":"pickup","storeId":"SEATTLE"}}],
       "deposit":{"tenderTypeId":"CARD","cardTypeId":"VISA","cardToken":"tok_visa_4242"}}' \
  "$GATEWAY/api/orders" | json "d['confirmationNumber']")
for _ in $(seq 1 60); do
  REQUEST=$(curl -sf -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/pickups/stores/SEATTLE/requests?receipt=$NUMBER2")
  [ "$(echo "$REQUEST" | json 'len(d)')" = 1 ] && break
  sleep 1
done
PICKUP2=$(echo "$REQUEST" | json "d[0]['id']")
curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"reason":"box crushed in transit","outOfStock":false}' \
  "$GATEWAY/api/pickups/$PICKUP2/not-possible" | json "'$NUMBER2: ' + d['status'] + ' (' + d['notPossibleReason'] + ')'"
for _ in $(seq 1 60); do
  ORDER2=$(curl -sf -H "Authorization: Bearer $HOUSTON" "$GATEWAY/api/orders/$NUMBER2")
  [ "$(echo "$ORDER2" | json "d['status']")" = Cancelled ] && break
  sleep 1 # polling the saga's cancellation
done
echo "$ORDER2" | json "'order ' + d['status'] + ': refunded ' + str(d['cancellation']['refunded']) + ', retained ' + str(d['cancellation']['retained'])"

step "The day's expiry report (PUP-8): the first ask of the day reports the requests past their deadline, once"
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/pickups/stores/SEATTLE/expiry-report" |
  json "str(d['day']) + ': ' + str(len(d['receipts'])) + ' expired, list printed as job ' + str(d['printJobId'])"
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/pickups/stores/SEATTLE/expiry-report" |
  json "'asked again: the same list, reported at ' + d['reportedAt']"
