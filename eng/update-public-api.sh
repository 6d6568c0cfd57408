#!/usr/bin/env bash
# Adds every public symbol that the build reports as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, then sorts it. Review the diff: it is the change to the public surface.
# Usage: eng/update-public-api.sh [--reset] [path/to/project.csproj]   (default: src/Governance.Core)
#   --reset  start PublicAPI.Unshipped.txt afresh (drops symbols that no longer exist; nothing shipped is touched)
set -euo pipefail
if [ "${1:-}" = "--reset" ]; then
    shift
    printf '#nullable enable\n' >"$(dirname "${1:-src/Governance.Core/Governance.Core.csproj}")/PublicAPI.Unshipped.txt"
fi
project=${1:-src/Governance.Core/Governance.Core.csproj}
dir=$(dirname "$project")
log=$(mktemp)
dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 >"$log" || true
grep -o "RS0016: Symbol '.*' is not part of the declared public API" "$log" \
  | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" \
  | LC_ALL=C sort -u >"$log.new" || true
count=$(wc -l <"$log.new")
{ grep -v '^#nullable enable$' "$dir/PublicAPI.Unshipped.txt" || true; cat "$log.new"; } | LC_ALL=C sort -u >"$log.all"
{ echo '#nullable enable'; cat "$log.all"; } >"$dir/PublicAPI.Unshipped.txt"
echo "added $count symbols to $dir/PublicAPI.Unshipped.txt"
rm -f "$log" "$log.new" "$log.all"
