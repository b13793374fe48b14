/* exe.h -- what the start-up files of an AOT-built executable share (src/aot/exe). */
#ifndef TR_AOT_EXE_H
#define TR_AOT_EXE_H

#include "aot/aot.h"
#include "bytecode/code.h"

/* Unmarshals module m's code (index into trident_aot_modules) and attaches its machine code;
   NULL with the exception pending. */
CodeObj *aot_exe_load_code(uint32_t m);
/* Installs the import hook that serves trident_aot_modules. */
void aot_exe_loader_install(void);

#endif
