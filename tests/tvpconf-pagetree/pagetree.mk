# Test programs of the tvpconf page tree, ELF reader and image writers (tests/tvpconf-pagetree).
$(call host_prog,tvpconf-pt-test,tests/tvpconf-pagetree/pt_test.c tools/tvpconf/pagetree.c)
$(call host_prog,tvpconf-elf-test,tests/tvpconf-pagetree/elf_test.c tools/tvpconf/elf32.c)
$(call host_prog,tvpconf-image-test,tests/tvpconf-pagetree/image_test.c tools/tvpconf/image.c)
