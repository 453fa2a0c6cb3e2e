#!/usr/bin/env bash
# Runs the dashboard's browser tests (Debian's Chromium) and attaches the screenshots they take to docs/screenshots.
# `dotnet test` alone writes them to artifacts/screenshots (ignored by git) and never touches the tracked tree; this
# command is the one deliberate way to refresh the pictures the README shows. Review `git diff --stat docs/screenshots`
# and commit what you want to keep.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/screenshots
rm -rf "$out"
PARLEY_SCREENSHOTS="$PWD/$out" dotnet test tests/Parley.Server.Tests -c Release --filter "Category=Browser"
mkdir -p docs/screenshots
cp "$out"/*.png docs/screenshots/
echo "attached $(ls "$out"/*.png | wc -l) screenshots to docs/screenshots"
