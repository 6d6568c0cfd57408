#!/usr/bin/env bash
# Adds every public symbol that the build reports as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, then sorts it. Review the diff: it is the change to the public surface.
# Usage: eng/update-public-api.sh [--reset] [path/to/project.csproj ...]
#   with no project: every shipped project under src/ (each one with a PublicAPI.Unshipped.txt)
#   --reset  start PublicAPI.Unshipped.txt afresh (drops symbols that no longer exist; nothing shipped is touched)
# Only a project's own warnings go into its file: building a project also builds the projects it references.
set -euo pipefail
reset=false
if [ "${1:-}" = "--reset" ]; then
    reset=true
    shift
fi
projects=()
for project in "$@"; do
    projects+=("$(cd "$(dirname "$project")" && pwd)/$(basename "$project")")
done
cd "$(dirname "$0")/.."
if [ ${#projects[@]} -eq 0 ]; then
    for unshipped in src/*/PublicAPI.Unshipped.txt; do
        projects+=("$(ls "$(dirname "$unshipped")"/*.csproj)")
    done
fi

for project in "${projects[@]}"; do
    dir=$(dirname "$project")
    full=$(cd "$dir" && pwd)/$(basename "$project")
    if $reset; then
        printf '#nullable enable\n' >"$dir/PublicAPI.Unshipped.txt"
    fi
    log=$(mktemp)
    dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 >"$log" || true
    grep -F "[$full]" "$log" \
      | grep -o "RS0016: Symbol '.*' is not part of the declared public API" \
      | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" \
      | LC_ALL=C sort -u >"$log.new" || true
    count=$(wc -l <"$log.new")
    { grep -v '^#nullable enable$' "$dir/PublicAPI.Unshipped.txt" || true; cat "$log.new"; } | LC_ALL=C sort -u >"$log.all"
    { echo '#nullable enable'; cat "$log.all"; } >"$dir/PublicAPI.Unshipped.txt"
    echo "added $count symbols to $dir/PublicAPI.Unshipped.txt"
    rm -f "$log" "$log.new" "$log.all"
done
