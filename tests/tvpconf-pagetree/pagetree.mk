# Test programs of the tvpconf page tree, ELF reader and image writers (tests/tvpconf-pagetree).
$(call host_prog,tvpconf-pt-test,tests/tvpconf-pagetree/pt_test.c tools/tvpconf/pagetree.c)
