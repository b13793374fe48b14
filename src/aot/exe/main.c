/*
 * main.c -- main() of every executable `trident build` makes: starts the runtime and the VM as
 * `trident run` does, sets sys.argv and sys.path, installs the import hook over the modules built
 * in, and runs module 0 as __main__. Linked from libtrident_aot.a; needs no file at run time.
 */
#include "aot/exe/exe.h"
#include "runtime/runtime.h"
#include "vm/run.h"
#include "vm/vm.h"

#include <gc/gc.h>

/* The linker's bounds of the writable data (.data and .bss) of a static executable. */
extern char __data_start[], _end[];

int main(int argc, char **argv)
{
    tr_runtime_init(0, NULL);
    /* In a static executable libgc searches for the start of the data and takes everything
       from the start of the image (code and read-only data, megabytes) as roots, scanned at
       every collection; only .data and .bss can hold pointers into the heap. */
    GC_clear_roots();
    GC_add_roots(__data_start, _end);
    vm_init();
    tr_type_ready(&bc_code_type);
    aot_exe_loader_install();
    tr_sys_set_argv(argc, argv); /* argv as given: sys.argv[0] is the executable's name */
    CodeObj *co = aot_exe_load_code(0);
    if (!co) {
        int status = tr_exc_handle_uncaught(tr_err_fetch());
        tr_runtime_fini();
        return status;
    }
    return vm_run_main(co, vm_main_module_new(trident_aot_modules[0].filename));
}
