#!/usr/bin/env bash
# VZ tests: each program runs guests in the simulator and reports checks via the test device.
set -u
status=0
for elf in "$B"/target/tests/vz/*.elf; do
    name=vz/$(basename "$elf" .elf)
    out=$("$SIM" --test --max-cycles 20000000 "$elf" 2>&1)
    if [ $? -eq 0 ]; then
        echo "PASS $name"
    else
        echo "FAIL $name: $(tr '\n' ' ' <<<"$out" | cut -c1-400)"
        status=1
    fi
done
exit $status
