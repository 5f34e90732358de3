#!/usr/bin/env bash
# Validates manifest.xml against Microsoft's add-in only manifest XSDs (offline copies in shared/office-manifest-xsd).
# Exit 0: valid. Exit 3: xmllint found schema errors. Exit 2: xmllint or the schemas are missing.
#   bash test/manifest/validate-schema.sh [manifest.xml]
# OFFICE_MANIFEST_XSD may name the schema folder; by default it is ../shared/office-manifest-xsd beside the repo.
# xmllint comes from Debian's libxml2-utils: apt-get update && apt-get install -y libxml2-utils
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
manifest="${1:-$root/manifest.xml}"
xsd_dir="${OFFICE_MANIFEST_XSD:-$root/../shared/office-manifest-xsd}"
if ! command -v xmllint >/dev/null 2>&1; then
  echo "xmllint is not installed (Debian: apt-get install -y libxml2-utils)" >&2
  exit 2
fi
if [ ! -f "$xsd_dir/OfficeAppManifestV1_1.xsd" ]; then
  echo "no OfficeAppManifestV1_1.xsd in $xsd_dir (set OFFICE_MANIFEST_XSD)" >&2
  exit 2
fi
xmllint --noout --schema "$xsd_dir/OfficeAppManifestV1_1.xsd" "$manifest"
