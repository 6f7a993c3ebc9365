#!/usr/bin/env bash
# Install what tests/test_render_html_browser.py needs: Debian's chromium, a Hangul font (Debian's
# fonts-noto-cjk) and Playwright's Python package. Idempotent, and never runs `playwright install`
# (the test drives the system chromium).
# An install that cannot happen (no root, no apt, no network) is reported and not fatal: the
# browser test then skips and says why, and the rest of the suite runs.
set -uo pipefail

if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null; } \
            || echo "browser_setup: apt-get could not install chromium" >&2
    else
        echo "browser_setup: /usr/bin/chromium is missing and cannot be installed (needs root and apt)" >&2
    fi
fi

# A Hangul font, so the test can check that Korean text renders in one (the page names Noto Sans
# CJK KR in its font stack; without any Hangul font every Korean character is a box).
if ! fc-list :lang=ko 2>/dev/null | grep -q .; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        { apt-get update -qq && apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null; } \
            || echo "browser_setup: apt-get could not install fonts-noto-cjk" >&2
    else
        echo "browser_setup: no Hangul font and none can be installed (needs root and apt)" >&2
    fi
fi

if ! python -c "import playwright" >/dev/null 2>&1; then
    python -m pip install -q playwright || echo "browser_setup: pip could not install playwright" >&2
fi

if [ -x /usr/bin/chromium ]; then
    # Debian's wrapper script prints a harmless shell warning on some hosts; keep the version only.
    /usr/bin/chromium --version 2>/dev/null || true
fi
exit 0
