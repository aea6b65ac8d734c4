#!/usr/bin/env bash
# The folder → folder dependency table of src/, measured from the compiled assemblies' IL
# (every type a folder's types name from another folder). Usage: scripts/dependency-graph.sh [--types]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/EAmazing.Cli/EAmazing.Cli.csproj -c Release -v quiet -nologo >/dev/null
dotnet build tools/EAmazing.DependencyGraph/EAmazing.DependencyGraph.csproj -c Release -v quiet -nologo >/dev/null
bin=src/EAmazing.Cli/bin/Release/net10.0/linux-x64
dotnet tools/EAmazing.DependencyGraph/bin/Release/net10.0/linux-x64/EAmazing.DependencyGraph.dll "$@" \
  "$bin/EAmazing.Core.dll" "$bin/EAmazing.Api.dll" "$bin/eamazing.dll"
