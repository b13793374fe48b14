/*
 * code.c -- the `code` type: code objects made by the compiler, their repr, and the mapping
 * from our instruction indexes to CPython's byte offsets (inline caches and EXTENDED_ARG
 * prefixes included, jump arguments relative as CPython encodes them) for dis and tracebacks.
 */
#include "bytecode/code.h"

#include "runtime/runtime.h"

#include <stdio.h>

static TrValue code_repr(TrValue self)
{
    CodeObj *co = bc_as_code(self);
    char buf[64];
    snprintf(buf, sizeof buf, "%p", (void *)co);
    return tr_str_fmt("<code object %U at %s, file \"%U\", line %d>", co->name, buf,
                      co->filename, co->firstlineno);
}

static int64_t code_hash(TrValue self) { return tr_hash_pointer(tr_obj(self)); }

TrType bc_code_type = {
    .ob = {&tr_type_type},
    .name = "code",
    .base = &tr_object_type,
    .basicsize = sizeof(CodeObj),
    .repr = code_repr,
    .hash = code_hash,
};

CodeObj *bc_code_new(void) { return TR_NEW(CodeObj, &bc_code_type); }

bool bc_is_jump_op(int op)
{
    return bc_op_argkind[op] == ARG_JUMP;
}

bool bc_is_backward_jump(int op)
{
    return op == OP_JUMP_BACKWARD || op == OP_JUMP_BACKWARD_NO_INTERRUPT ||
           op == OP_POP_JUMP_BACKWARD_IF_FALSE || op == OP_POP_JUMP_BACKWARD_IF_TRUE ||
           op == OP_POP_JUMP_BACKWARD_IF_NONE || op == OP_POP_JUMP_BACKWARD_IF_NOT_NONE;
}

static int ext_count(uint32_t arg)
{
    return arg > 0xFFFFFF ? 3 : arg > 0xFFFF ? 2 : arg > 0xFF ? 1 : 0;
}

/* CPython's assemble_jump_offsets: sizes depend on EXTENDED_ARG prefixes, which depend on the
   relative jump distances, so iterate to a fixed point. Offsets are in 2-byte code units. */
int bc_layout(const CodeObj *co, int32_t *offsets, uint32_t *args)
{
    int n = co->ncode;
    for (int i = 0; i < n; i++)
        args[i] = bc_is_jump_op(BC_OP(co->code[i])) ? 0 : BC_ARG(co->code[i]);
    for (;;) {
        int32_t pos = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = pos;
            pos += 1 + ext_count(args[i]) + bc_op_caches[BC_OP(co->code[i])];
        }
        offsets[n] = pos;
        bool changed = false;
        for (int i = 0; i < n; i++) {
            int op = BC_OP(co->code[i]);
            if (!bc_is_jump_op(op))
                continue;
            int32_t after = offsets[i + 1], target = offsets[BC_ARG(co->code[i])];
            uint32_t a = (uint32_t)(target < after ? after - target : target - after);
            if (ext_count(a) != ext_count(args[i]))
                changed = true;
            args[i] = a;
        }
        if (!changed)
            return offsets[n];
    }
}

int bc_offset(const CodeObj *co, int i)
{
    int32_t *offsets = tr_alloc_atomic(sizeof(int32_t) * (size_t)(co->ncode + 1));
    uint32_t *args = tr_alloc_atomic(sizeof(uint32_t) * (size_t)(co->ncode + 1));
    bc_layout(co, offsets, args);
    if (i < 0)
        i = 0;
    if (i > co->ncode)
        i = co->ncode;
    /* the instruction itself follows its EXTENDED_ARG prefixes */
    int ext = i < co->ncode ? ext_count(args[i]) : 0;
    return 2 * (offsets[i] + ext);
}
