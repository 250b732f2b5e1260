/* AsperaNative native link: the start shim of the glibc 2.17 floor (linked with -Wl,--wrap=__libc_start_main).
 *
 * The start files of glibc >= 2.34 (crt1.o) call __libc_start_main@GLIBC_2.34 and pass no init function:
 * the new glibc runs the program's constructors itself. An older glibc only has the GLIBC_2.2.5 (x86_64) or
 * GLIBC_2.17 (aarch64) version, which runs what it is given as init, so a NULL init would skip every
 * constructor. This shim binds the old version and passes an init that does what glibc's __libc_csu_init did:
 * _init, then .init_array (.preinit_array is run by the dynamic loader of every version). Both old and new
 * glibc call a non-NULL init and do not run the constructors a second time. */

#include <stddef.h>

#if defined(__x86_64__)
#define ASPN_START_VERSION "GLIBC_2.2.5"
#elif defined(__aarch64__)
#define ASPN_START_VERSION "GLIBC_2.17"
#else
#error "the glibc 2.17 floor is built for x86_64 and aarch64 only"
#endif

typedef int (*aspn_main_fn)(int, char **, char **);
typedef void (*aspn_init_fn)(int, char **, char **);

extern int __aspn_old_libc_start_main(aspn_main_fn main, int argc, char **argv, aspn_init_fn init,
                                      void (*fini)(void), void (*rtld_fini)(void), void *stack_end);
__asm__(".symver __aspn_old_libc_start_main, __libc_start_main@" ASPN_START_VERSION);

/* bounds of .init_array, provided by the linker's default script for executables */
extern aspn_init_fn __init_array_start[] __attribute__((visibility("hidden")));
extern aspn_init_fn __init_array_end[] __attribute__((visibility("hidden")));
/* DT_INIT of the executable, from crti.o */
extern void _init(void);

static void aspn_init(int argc, char **argv, char **envp)
{
    _init();
    size_t count = (size_t)(__init_array_end - __init_array_start);
    for (size_t i = 0; i < count; i++)
        __init_array_start[i](argc, argv, envp);
}

int __wrap___libc_start_main(aspn_main_fn main, int argc, char **argv, aspn_init_fn init,
                             void (*fini)(void), void (*rtld_fini)(void), void *stack_end)
{
    /* a start file of glibc < 2.34 passes its own __libc_csu_init: keep it */
    return __aspn_old_libc_start_main(main, argc, argv, init != NULL ? init : aspn_init, fini, rtld_fini, stack_end);
}
