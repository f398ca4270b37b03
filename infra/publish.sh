#!/usr/bin/env bash
# Builds a framework-dependent release of the API and the CLI into ./out (or $1).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/out}"
dotnet publish "$root/src/SefData.Api" -c Release -o "$out/api" -nologo
dotnet publish "$root/src/SefData.Cli" -c Release -o "$out/cli" -nologo
echo "published to $out (run: ASPNETCORE_URLS=http://127.0.0.1:8080 dotnet $out/api/SefData.Api.dll)"
