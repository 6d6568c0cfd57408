#!/usr/bin/env bash
# The README's test command: installs what the browser test needs (eng/install-chromium.sh: Debian's chromium and
# CJK fonts, only when missing), then runs every test. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install-chromium.sh
exec dotnet test Governance.Core.sln -c Release "$@"
