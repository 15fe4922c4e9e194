#!/usr/bin/env bash
# Installs the Debian packages Parley builds against (and, with --test, the peers its tests
# compare with), only those that are missing. Uses sudo when not run as root.
set -euo pipefail

# graphviz: `dot` lays out the pictures of .graph and the entity pages.
packages=(liblmdb-dev zlib1g-dev libedit-dev graphviz)
if [[ "${1:-}" == "--test" ]]; then
    # curl: the HTTP client the `parley serve` tests drive the server with; chromium: the
    # headless browser the page's test drives.
    packages+=(raptor2-utils curl chromium)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if (( ${#missing[@]} )); then
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    echo "installing: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--test" ]]; then
    # pyoxigraph: the reference the differential tests compare our output with.
    python3 -c "import pyoxigraph" 2>/dev/null || python3 -m pip install -q pyoxigraph || \
        echo "warning: pyoxigraph not installed; its differential tests will be skipped" >&2
    # SPARQLWrapper and rdflib: the notebook clients the `parley serve` tests query the server with.
    python3 -c "import SPARQLWrapper, rdflib" 2>/dev/null || python3 -m pip install -q SPARQLWrapper rdflib || \
        echo "warning: SPARQLWrapper/rdflib not installed; the server's Python client tests will be skipped" >&2
fi
