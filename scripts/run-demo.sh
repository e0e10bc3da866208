#!/usr/bin/env bash
# `make run`: boots a tinyVP demo in the simulator, console and LEDs on this terminal.
#   BOARD=wifire|dm320007|olimex   the board (default wifire): configs/demo-$BOARD.conf
#   CONFIG=FILE                    another configuration (built by make as build/hv/custom)
#   BARE=poll|irq|dma              instead: that demo guest alone on the bare chip
set -euo pipefail
cd "$(dirname "$0")/.."
BOARD=${BOARD:-wifire}
SIM=build/rel/bin/pic32mz-sim
case "$BOARD" in
wifire) suffix= ;;
dm320007 | olimex) suffix=-$BOARD ;;
*) echo "run-demo.sh: unknown board '$BOARD' (wifire, dm320007, olimex)" >&2; exit 2 ;;
esac
if [ -n "${BARE:-}" ]; then
    image=build/target/guests/$BARE/guest$suffix.elf
    [ -f "$image" ] || { echo "run-demo.sh: no $image (no such guest for $BOARD?)" >&2; exit 2; }
    echo "Demo guest '$BARE' bare-metal on the simulated $BOARD, no tinyVP: what you type goes" \
        "to it; Ctrl-C quits the simulator."
    exec "$SIM" --board "$BOARD" "$image"
fi
if [ -n "${CONFIG:-}" ]; then
    image=build/hv/custom/tinyvp.srec
else
    image=build/hv/demo-$BOARD/tinyvp.srec
fi
[ -f "$image" ] || { echo "run-demo.sh: no $image: run 'make run' (it builds it)" >&2; exit 2; }
# The chipKIT Wi-FIRE keeps its boot loader, which enters tinyVP at 0x9D001000; the other
# boards boot tinyVP's own boot code from the reset vector.
boot=()
[ "$BOARD" = wifire ] && boot=(--bootloader)
echo "tinyVP on the simulated $BOARD ($image). Typing goes to root (? lists its commands);" \
    "Ctrl-D then 1 or 2 sends it to guest 1 or 2, Ctrl-D 0 back to root. Ctrl-C quits."
exec "$SIM" --board "$BOARD" "${boot[@]}" "$image"
