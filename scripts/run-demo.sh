#!/usr/bin/env bash
# `make run`: boots the demo in the simulator with the console on this terminal.
# Until the hypervisor lands, the demo is a bare-metal program (guests/hello).
set -euo pipefail
cd "$(dirname "$0")/.."
BOARD=${BOARD:-wifire}
IMAGE=${IMAGE:-build/target/guests/hello.elf}
echo "pic32mz-sim: board $BOARD, image $IMAGE. Quit with Ctrl-C."
exec build/rel/bin/pic32mz-sim --board "$BOARD" "$IMAGE"
