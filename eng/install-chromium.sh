#!/usr/bin/env bash
# Installs what the browser test of the service calendar page needs (ServiceCalendarBrowserTests): Debian's
# chromium, and fonts-noto-cjk so that Chinese renders as text, not boxes. Idempotent: does nothing when both are
# there. Needs root (or sudo) and Debian's package registry.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then
    echo "chromium and fonts-noto-cjk are installed"
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${need[@]}"
/usr/bin/chromium --version
