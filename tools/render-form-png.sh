#!/usr/bin/env bash
# Renders a generated form with LibreOffice headless to a PNG for the README (needs libreoffice-calc-nogui,
# fonts-noto-cjk and poppler-utils). Usage: tools/render-form-png.sh [template] [out.png]
set -euo pipefail
template=${1:-淘宝售前kpi考核}
out=${2:-docs/images/form-zh.png}
work=$(mktemp -d)
profile=$(mktemp -d)
npx --no-install kpi generate "$template" --layout form --employees test/fixtures/staff.csv --period 2026-Q4 -o "$work/form.xlsx" >/dev/null
soffice "-env:UserInstallation=file://$profile" --headless --norestore --convert-to pdf --outdir "$work" "$work/form.xlsx" >/dev/null
pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$work/form.pdf" "${out%.png}"
echo "wrote $out"
