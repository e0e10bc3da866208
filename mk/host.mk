# Host C11 programs (simulator, tvpconf, test tools), built optimised and sanitized.
HOSTCC ?= gcc
HOST_WARN := -std=c11 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L
HOST_INC := -Iinclude
HOST_CFLAGS_REL := $(HOST_WARN) $(HOST_INC) -O2 -g -MMD -MP
HOST_CFLAGS_SAN := $(HOST_WARN) $(HOST_INC) -O1 -g -MMD -MP -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all
HOST_LDFLAGS_REL :=
HOST_LDFLAGS_SAN := -fsanitize=address,undefined

$(B)/rel/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS_REL) -c $< -o $@

$(B)/san/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS_SAN) -c $< -o $@

# $(call host_prog,NAME,SOURCES): build/rel/bin/NAME and build/san/bin/NAME.
define host_prog_rules
$(B)/rel/bin/$(1): $(patsubst %.c,$(B)/rel/obj/%.o,$(2))
	@mkdir -p $$(dir $$@)
	$(HOSTCC) $(HOST_LDFLAGS_REL) -o $$@ $$^ $(3)
$(B)/san/bin/$(1): $(patsubst %.c,$(B)/san/obj/%.o,$(2))
	@mkdir -p $$(dir $$@)
	$(HOSTCC) $(HOST_LDFLAGS_SAN) -o $$@ $$^ $(3)
HOST_BINS += $(B)/rel/bin/$(1) $(B)/san/bin/$(1)
-include $(patsubst %.c,$(B)/rel/obj/%.d,$(2)) $(patsubst %.c,$(B)/san/obj/%.d,$(2))
endef
host_prog = $(eval $(call host_prog_rules,$(1),$(2),$(3)))
