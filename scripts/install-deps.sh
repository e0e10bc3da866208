#!/usr/bin/env bash
# Installs the Debian packages tinyVP needs, and only those that are missing.
# Idempotent and non-interactive; runs `apt-get update` only when something is missing.
set -euo pipefail

PACKAGES=(
    make gcc libc6-dev             # host build
    gcc-mipsel-linux-gnu           # target build (-march=m5100 -mvirt)
    binutils-mipsel-linux-gnu
    libc6-dev-mipsel-cross         # Linux user-mode reference programs for qemu
    qemu-user                      # qemu-mipsel: independent ISA reference
    gdb-multiarch                  # tests the simulator's gdb stub
    srecord                        # cross-checks the SREC/HEX writers
    clang                          # libFuzzer for the bounded fuzz runs
    libclang-rt-14-dev             # libFuzzer runtime (only recommended by clang)
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
