# Shared by the scripts: project root, and the local database settings from scripts/postgis.sh.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Provisions the local PostGIS (unless ORTSANKER_DB_URL is set) and exports its settings; settings
# already in the environment win over the provisioned ones.
use_local_postgis() {
  if [ -n "${ORTSANKER_DB_URL:-}" ] && [ -n "${ORTSANKER_TEST_DB_URL:-}" ]; then return 0; fi
  "$ROOT/scripts/postgis.sh" >/dev/null
  local key value
  while IFS='=' read -r key value; do
    case "$key" in ''|\#*) continue ;; esac
    if [ -z "${!key:-}" ]; then export "$key=$value"; fi
  done <"$ROOT/.ortsanker/db.env"
}
