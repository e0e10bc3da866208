# Target (PIC32MZ-EF, M5150) code: bare metal, built with Debian's mipsel cross compiler.
# Flags per ../docs/toolchain notes: no abicalls/PIC/PIE, no build-id, freestanding.
CROSS ?= mipsel-linux-gnu-
TGT_CC := $(CROSS)gcc
TGT_OBJCOPY := $(CROSS)objcopy
TGT_SIZE := $(CROSS)size
TGT_ARCH := -EL -march=m5100 -mvirt
TGT_CFLAGS := -std=c11 -Wall -Wextra -Werror $(TGT_ARCH) -mno-abicalls -fno-pic -fno-pie \
	-ffreestanding -fno-builtin -fno-tree-loop-distribute-patterns -G0 -O2 -g -Iinclude
TGT_ASFLAGS := $(TGT_ARCH) -mno-abicalls -fno-pic -fno-pie -G0 -g -Iinclude
TGT_LDFLAGS := $(TGT_ARCH) -nostdlib -no-pie -static -Wl,--build-id=none
