/* dis.h -- prints code objects in the layout of CPython's `python3 -m dis`. */
#ifndef TR_DIS_H
#define TR_DIS_H

#include "bytecode/code.h"

#include <stdio.h>

void bc_dis(const CodeObj *co, FILE *out); /* the code object, then nested ones */

#endif
