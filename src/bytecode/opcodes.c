/* opcodes.c -- the tables of opcodes.def: names (for dis), argument kinds, cache entries. */
#include "bytecode/opcodes.h"

#define OP(name, kind, caches) [OP_##name] = #name,
const char *const bc_op_names[OP__COUNT] = {
#include "bytecode/opcodes.def"
};
#undef OP

#define OP(name, kind, caches) [OP_##name] = kind,
const uint8_t bc_op_argkind[OP__COUNT] = {
#include "bytecode/opcodes.def"
};
#undef OP

#define OP(name, kind, caches) [OP_##name] = caches,
const uint8_t bc_op_caches[OP__COUNT] = {
#include "bytecode/opcodes.def"
};
#undef OP
