/* src/lang/ops.c — the operators of BINARY_OP (plain and in-place, with the in-place
 * slots' fallback to the plain operator as CPython's binary_iop) and f-string formatting. */
#include "eval.h"

/* formatspec.c (objects layer): format(value, spec); spec NULL means "". */
OuroObject *ou_object_format(OuroObject *value, OuroObject *spec);

typedef OuroObject *(*binfn)(OuroObject *, OuroObject *);

static OuroObject *power2(OuroObject *a, OuroObject *b) { return ouro_number_power(a, b, NULL); }

/* The plain and in-place form of each operator (abstract.c does the dispatch). */
static const struct {
    binfn fn, inplace;
} binops[] = {
    [OU_NB_ADD] = { ouro_number_add, ouro_number_inplace_add },
    [OU_NB_AND] = { ouro_number_and, ouro_number_inplace_and },
    [OU_NB_FLOOR_DIVIDE] = { ouro_number_floor_divide, ouro_number_inplace_floor_divide },
    [OU_NB_LSHIFT] = { ouro_number_lshift, ouro_number_inplace_lshift },
    [OU_NB_MATRIX_MULTIPLY] = { ouro_number_matrix_multiply,
                                ouro_number_inplace_matrix_multiply },
    [OU_NB_MULTIPLY] = { ouro_number_multiply, ouro_number_inplace_multiply },
    [OU_NB_REMAINDER] = { ouro_number_remainder, ouro_number_inplace_remainder },
    [OU_NB_OR] = { ouro_number_or, ouro_number_inplace_or },
    [OU_NB_POWER] = { power2, ouro_number_inplace_power },
    [OU_NB_RSHIFT] = { ouro_number_rshift, ouro_number_inplace_rshift },
    [OU_NB_SUBTRACT] = { ouro_number_subtract, ouro_number_inplace_subtract },
    [OU_NB_TRUE_DIVIDE] = { ouro_number_true_divide, ouro_number_inplace_true_divide },
    [OU_NB_XOR] = { ouro_number_xor, ouro_number_inplace_xor },
};

/* Returns: new reference, or NULL with an exception set. op: OU_NB_*, in-place forms
 * from OU_NB_INPLACE_ADD. */
OuroObject *ou_binary_op(OuroObject *a, OuroObject *b, int op)
{
    if (op >= OU_NB_INPLACE_ADD)
        return binops[op - OU_NB_INPLACE_ADD].inplace(a, b);
    return binops[op].fn(a, b);
}

/* format(v, spec) for FORMAT_VALUE (spec NULL: ""). Returns: new str, or NULL. */
OuroObject *ou_format_value(OuroObject *v, OuroObject *spec)
{
    return ou_object_format(v, spec);
}
