# tvpconf: the configuration compiler (host).  pagetree/elf32/image are shared with the
# page-tree work; everything else is the language side and the driver.
TVPCONF_SRCS := $(addprefix tools/tvpconf/, \
	main.c diag.c arena.c lexer.c model.c parse_common.c parse_system.c parse_board.c \
	resolve.c alloc.c check.c layout.c hwtables.c emit.c report.c merge.c outfile.c \
	pagetree.c elf32.c image.c)

$(call host_prog,tvpconf,$(TVPCONF_SRCS))
