#!/bin/bash
# Applies deploy/kafka/access.tsv to the brokers of docker-compose.yml: a SCRAM-SHA-512 credential
# for each user (password from KAFKA_PASSWORD_<USER>, the name upper-cased with - as _), the
# topics the list names (3 partitions), and the ACLs. Signs in as the super user admin on the admin
# listener (KAFKA_BOOTSTRAP, KAFKA_ADMIN_PASSWORD). Every step may be repeated.
set -euo pipefail

bin=/opt/kafka/bin
access=$(dirname "$0")/access.tsv
admin=$(mktemp)
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
connect=(--bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$admin")

rows() { grep -v '^#' "$access" | grep -v '^[[:space:]]*$'; }

for user in $(rows | cut -f1 | sort -u); do
  variable="KAFKA_PASSWORD_$(echo "$user" | tr 'a-z-' 'A-Z_')"
  password="${!variable:?set $variable}"
  "$bin/kafka-configs.sh" "${connect[@]}" --alter --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]"
done

for topic in $(rows | awk -F'\t' '$3 == "topic" { print $5 }' | sort -u); do
  "$bin/kafka-topics.sh" "${connect[@]}" --create --if-not-exists --topic "$topic" --partitions 3 --replication-factor 1
done

rows | while IFS=$'\t' read -r user operation resource pattern name; do
  "$bin/kafka-acls.sh" "${connect[@]}" --add --allow-principal "User:$user" --operation "$operation" \
    "--$resource" "$name" --resource-pattern-type "$pattern"
done
echo "Kafka users, topics and ACLs applied from $access"
