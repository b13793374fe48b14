/*
 * opcodes.h -- the instruction set (opcodes.def) and the instruction word: opcode in the low
 * 8 bits, argument in the upper 24 (so no EXTENDED_ARG is ever needed below 16M).
 */
#ifndef TR_OPCODES_H
#define TR_OPCODES_H

#include "common/base.h"

typedef enum {
#define OP(name, kind, caches) OP_##name,
#include "bytecode/opcodes.def"
#undef OP
    OP__COUNT
} Opcode;

typedef enum {
    ARG_NONE, ARG_CONST, ARG_NAME, ARG_LOCAL, ARG_FREE, ARG_JUMP, ARG_BINOP, ARG_CMP, ARG_INT,
    ARG_GLOBAL, ARG_FORMAT
} ArgKind;

typedef uint32_t BcWord;
#define BC_OP(w) ((Opcode)((w) & 0xFF))
#define BC_ARG(w) ((uint32_t)(w) >> 8)
#define BC_MAKE(op, arg) ((BcWord)(op) | ((BcWord)(arg) << 8))
#define BC_ARG_MAX ((1u << 24) - 1)

extern const char *const bc_op_names[OP__COUNT];
extern const uint8_t bc_op_argkind[OP__COUNT];
extern const uint8_t bc_op_caches[OP__COUNT];

#endif
