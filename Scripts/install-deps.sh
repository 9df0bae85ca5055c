#!/usr/bin/env bash
# Installs the Debian packages TrailTriage builds, runs and tests with (zlib for gzip, SQLite for
# triage state, ncursesw for the console, tmux for the console's end-to-end tests).
# Safe to run again: it installs only what is missing.
set -euo pipefail
packages=(zlib1g-dev libsqlite3-dev libncurses-dev ncurses-base tmux gzip python3 time jq)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
