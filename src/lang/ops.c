/* src/lang/ops.c — the operators of BINARY_OP (plain and in-place, with the in-place
 * slots' fallback to the plain operator as CPython's binary_iop) and f-string formatting. */
#include "eval.h"
#include <stdio.h>
#include <string.h>

/* formatspec.c (objects layer): format(value, spec); spec NULL means "". */
OuroObject *ou_object_format(OuroObject *value, OuroObject *spec);

typedef OuroObject *(*binfn)(OuroObject *, OuroObject *);

static OuroObject *power2(OuroObject *a, OuroObject *b) { return ouro_number_power(a, b, NULL); }

static const struct {
    binfn fn;
    size_t inplace_off;       /* offset of the nb_inplace_* slot */
    const char *sym;
} binops[] = {
    [OU_NB_ADD] = { ouro_number_add, offsetof(OuroNumberMethods, nb_inplace_add), "+" },
    [OU_NB_AND] = { ouro_number_and, offsetof(OuroNumberMethods, nb_inplace_and), "&" },
    [OU_NB_FLOOR_DIVIDE] = { ouro_number_floor_divide,
                             offsetof(OuroNumberMethods, nb_inplace_floor_divide), "//" },
    [OU_NB_LSHIFT] = { ouro_number_lshift, offsetof(OuroNumberMethods, nb_inplace_lshift), "<<" },
    [OU_NB_MATRIX_MULTIPLY] = { ouro_number_matrix_multiply,
                                offsetof(OuroNumberMethods, nb_inplace_matrix_multiply), "@" },
    [OU_NB_MULTIPLY] = { ouro_number_multiply,
                         offsetof(OuroNumberMethods, nb_inplace_multiply), "*" },
    [OU_NB_REMAINDER] = { ouro_number_remainder,
                          offsetof(OuroNumberMethods, nb_inplace_remainder), "%" },
    [OU_NB_OR] = { ouro_number_or, offsetof(OuroNumberMethods, nb_inplace_or), "|" },
    [OU_NB_POWER] = { power2, 0, "**" },
    [OU_NB_RSHIFT] = { ouro_number_rshift, offsetof(OuroNumberMethods, nb_inplace_rshift), ">>" },
    [OU_NB_SUBTRACT] = { ouro_number_subtract,
                         offsetof(OuroNumberMethods, nb_inplace_subtract), "-" },
    [OU_NB_TRUE_DIVIDE] = { ouro_number_true_divide,
                            offsetof(OuroNumberMethods, nb_inplace_true_divide), "/" },
    [OU_NB_XOR] = { ouro_number_xor, offsetof(OuroNumberMethods, nb_inplace_xor), "^" },
};

/* The plain operator raised "unsupported operand type(s) for +: ..." : say "+=". */
static void fix_inplace_message(int op)
{
    static const char prefix[] = "unsupported operand type(s) for ";
    if (!ouro_err_matches(&ouro_exc_TypeError))
        return;
    OuroObject *exc = ouro_err_fetch();
    OuroObject *args = ouro_exception_args(exc);
    if (OURO_TUPLE_SIZE(args) == 1 && ouro_str_check(OURO_TUPLE_GET(args, 0))) {
        const char *m = ouro_str_utf8(OURO_TUPLE_GET(args, 0));
        const char *rest = strstr(m, ": '");
        if (!strncmp(m, prefix, sizeof prefix - 1) && rest) {
            /* The message is built before exc (which owns rest) goes. */
            ouro_err_format(&ouro_exc_TypeError, "%s%s=%s", prefix, binops[op].sym, rest);
            OURO_DECREF(exc);
            return;
        }
    }
    ouro_err_restore(exc);
}

static OuroObject *inplace_op(OuroObject *a, OuroObject *b, int op)
{
    const OuroNumberMethods *nb = OURO_TYPE(a)->tp_as_number;
    ouro_binaryfunc f = NULL;
    if (op == OU_NB_POWER) {
        if (nb && nb->nb_inplace_power) {
            OuroObject *r = nb->nb_inplace_power(a, b, OURO_NONE);
            if (r != OURO_NOTIMPLEMENTED)
                return r;
            OURO_DECREF(r);
        }
    } else if (nb && (f = *(ouro_binaryfunc *)((const char *)nb + binops[op].inplace_off))) {
        OuroObject *r = f(a, b);
        if (r != OURO_NOTIMPLEMENTED)
            return r;
        OURO_DECREF(r);
    }
    const OuroSequenceMethods *sq = OURO_TYPE(a)->tp_as_sequence;
    if (sq && op == OU_NB_ADD && sq->sq_inplace_concat && !(nb && nb->nb_add))
        return sq->sq_inplace_concat(a, b);
    if (sq && op == OU_NB_MULTIPLY && sq->sq_inplace_repeat && !(nb && nb->nb_multiply)) {
        if (!OURO_TYPE(b)->tp_as_number || !OURO_TYPE(b)->tp_as_number->nb_index)
            return ouro_err_format(&ouro_exc_TypeError,
                                   "can't multiply sequence by non-int of type '%s'",
                                   OURO_TYPE_NAME(b));
        ouro_ssize n = ouro_number_as_ssize(b, &ouro_exc_OverflowError);
        if (n == -1 && ouro_err_occurred())
            return NULL;
        return sq->sq_inplace_repeat(a, n);
    }
    OuroObject *r = binops[op].fn(a, b);
    if (!r)
        fix_inplace_message(op);
    return r;
}

/* Returns: new reference, or NULL with an exception set. op: OU_NB_*, in-place forms
 * from OU_NB_INPLACE_ADD. */
OuroObject *ou_binary_op(OuroObject *a, OuroObject *b, int op)
{
    if (op >= OU_NB_INPLACE_ADD)
        return inplace_op(a, b, op - OU_NB_INPLACE_ADD);
    return binops[op].fn(a, b);
}

/* format(v, spec) for FORMAT_VALUE (spec NULL: ""). Returns: new str, or NULL. */
OuroObject *ou_format_value(OuroObject *v, OuroObject *spec)
{
    return ou_object_format(v, spec);
}
