/* Pins of the shared GPIO ports in tests/hvdev/gpio.conf, in the form tvpconf will emit for
 * `pins =` (hv/emul/vgpio.c): per VM, a mask per port A..K.  VM 1: pins = RG6 (LD1);
 * VM 2: pins = RD4 RB11 RG15 (LD2..LD4).  Included on the compiler's command line until
 * tvpconf parses `pins =`. */
#define TVP_GPIO_PINS                                                                              \
    {                                                                                              \
        {0, 0, 0, 0, 0, 0, 1u << 6},                                                               \
        {                                                                                          \
            0, 1u << 11, 0, 1u << 4, 0, 0, 1u << 15                                                \
        }                                                                                          \
    }
