/* src/objects/abstract.c — the abstract protocols over the type slots: Python's operator
 * dispatch for numbers (reflected operands, NotImplemented, subclass priority),
 * subscription, length, containment, iteration, calls and attribute access. */
#include "objects.h"
#include "intobject.h"
#include <string.h>

#define NB_SLOT(t, off) \
    ((t)->tp_as_number ? *(ouro_binaryfunc *)((const char *)(t)->tp_as_number + (off)) : NULL)
#define NB_OFF(name) offsetof(OuroNumberMethods, name)

/* CPython's binary_op1: returns a new reference, NotImplemented (new), or NULL. */
static OuroObject *binary_op1(OuroObject *a, OuroObject *b, size_t off)
{
    OuroType *ta = OURO_TYPE(a), *tb = OURO_TYPE(b);
    ouro_binaryfunc fa = NB_SLOT(ta, off), fb = NULL;
    OuroObject *r;
    if (tb != ta) {
        fb = NB_SLOT(tb, off);
        if (fb == fa)
            fb = NULL;
    }
    if (fa) {
        if (fb && ouro_type_is_subtype(tb, ta)) {
            r = fb(a, b);
            if (r != OURO_NOTIMPLEMENTED)
                return r;
            OURO_DECREF(r);
            fb = NULL;
        }
        r = fa(a, b);
        if (r != OURO_NOTIMPLEMENTED)
            return r;
        OURO_DECREF(r);
    }
    if (fb) {
        r = fb(a, b);
        if (r != OURO_NOTIMPLEMENTED)
            return r;
        OURO_DECREF(r);
    }
    return OURO_NEWREF(OURO_NOTIMPLEMENTED);
}

static OuroObject *binop_type_error(OuroObject *a, OuroObject *b, const char *op)
{
    return ouro_err_format(&ouro_exc_TypeError,
                           "unsupported operand type(s) for %s: '%s' and '%s'", op,
                           OURO_TYPE_NAME(a), OURO_TYPE_NAME(b));
}

static OuroObject *binary_op(OuroObject *a, OuroObject *b, size_t off, const char *op)
{
    OuroObject *r = binary_op1(a, b, off);
    if (r == OURO_NOTIMPLEMENTED) {
        OURO_DECREF(r);
        return binop_type_error(a, b, op);
    }
    return r;
}

#define BINARY_FUNC(fname, slot, opstr) \
    OURO_API OuroObject *fname(OuroObject *a, OuroObject *b) \
    { return binary_op(a, b, NB_OFF(slot), opstr); }
BINARY_FUNC(ouro_number_subtract, nb_subtract, "-")
BINARY_FUNC(ouro_number_true_divide, nb_true_divide, "/")
BINARY_FUNC(ouro_number_floor_divide, nb_floor_divide, "//")
BINARY_FUNC(ouro_number_remainder, nb_remainder, "%")
BINARY_FUNC(ouro_number_divmod, nb_divmod, "divmod()")
BINARY_FUNC(ouro_number_lshift, nb_lshift, "<<")
BINARY_FUNC(ouro_number_rshift, nb_rshift, ">>")
BINARY_FUNC(ouro_number_and, nb_and, "&")
BINARY_FUNC(ouro_number_or, nb_or, "|")
BINARY_FUNC(ouro_number_xor, nb_xor, "^")
BINARY_FUNC(ouro_number_matrix_multiply, nb_matrix_multiply, "@")

/* a + b: numbers first, then sequence concatenation (whose errors name the sequence). */
OURO_API OuroObject *ouro_number_add(OuroObject *a, OuroObject *b)
{
    OuroObject *r = binary_op1(a, b, NB_OFF(nb_add));
    if (r != OURO_NOTIMPLEMENTED)
        return r;
    OURO_DECREF(r);
    const OuroSequenceMethods *sq = OURO_TYPE(a)->tp_as_sequence;
    if (sq && sq->sq_concat)
        return sq->sq_concat(a, b);
    return binop_type_error(a, b, "+");
}

static OuroObject *sequence_repeat(OuroObject *seq, OuroObject *n)
{
    if (!OURO_TYPE(n)->tp_as_number || !OURO_TYPE(n)->tp_as_number->nb_index)
        return ouro_err_format(&ouro_exc_TypeError,
                               "can't multiply sequence by non-int of type '%s'",
                               OURO_TYPE_NAME(n));
    ouro_ssize count = ouro_number_as_ssize(n, &ouro_exc_OverflowError);
    if (count == -1 && ouro_err_occurred())
        return NULL;
    return OURO_TYPE(seq)->tp_as_sequence->sq_repeat(seq, count);
}

/* a * b: numbers first, then repetition of whichever operand is a sequence. */
OURO_API OuroObject *ouro_number_multiply(OuroObject *a, OuroObject *b)
{
    OuroObject *r = binary_op1(a, b, NB_OFF(nb_multiply));
    if (r != OURO_NOTIMPLEMENTED)
        return r;
    OURO_DECREF(r);
    const OuroSequenceMethods *sa = OURO_TYPE(a)->tp_as_sequence;
    const OuroSequenceMethods *sb = OURO_TYPE(b)->tp_as_sequence;
    if (sa && sa->sq_repeat)
        return sequence_repeat(a, b);
    if (sb && sb->sq_repeat)
        return sequence_repeat(b, a);
    return binop_type_error(a, b, "*");
}

/* ------------------------------------------------------------ in-place operators -- */

static OuroObject *ternary_op(OuroObject *a, OuroObject *b, OuroObject *mod, const char *op);

/* CPython's binary_iop1: a's in-place slot, then the plain dispatch (reflected operands
 * included). Returns: new reference, NotImplemented (new), or NULL. */
static OuroObject *binary_iop1(OuroObject *a, OuroObject *b, size_t ioff, size_t off)
{
    const OuroNumberMethods *nb = OURO_TYPE(a)->tp_as_number;
    ouro_binaryfunc f = nb ? *(ouro_binaryfunc *)((const char *)nb + ioff) : NULL;
    if (f) {
        OuroObject *r = f(a, b);
        if (r != OURO_NOTIMPLEMENTED)
            return r;
        OURO_DECREF(r);
    }
    return binary_op1(a, b, off);
}

static OuroObject *binary_iop(OuroObject *a, OuroObject *b, size_t ioff, size_t off,
                              const char *op)
{
    OuroObject *r = binary_iop1(a, b, ioff, off);
    if (r == OURO_NOTIMPLEMENTED) {
        OURO_DECREF(r);
        return binop_type_error(a, b, op);
    }
    return r;
}

#define INPLACE_FUNC(fname, islot, slot, opstr) \
    OURO_API OuroObject *fname(OuroObject *a, OuroObject *b) \
    { return binary_iop(a, b, NB_OFF(islot), NB_OFF(slot), opstr); }
INPLACE_FUNC(ouro_number_inplace_subtract, nb_inplace_subtract, nb_subtract, "-=")
INPLACE_FUNC(ouro_number_inplace_true_divide, nb_inplace_true_divide, nb_true_divide, "/=")
INPLACE_FUNC(ouro_number_inplace_floor_divide, nb_inplace_floor_divide, nb_floor_divide, "//=")
INPLACE_FUNC(ouro_number_inplace_remainder, nb_inplace_remainder, nb_remainder, "%=")
INPLACE_FUNC(ouro_number_inplace_lshift, nb_inplace_lshift, nb_lshift, "<<=")
INPLACE_FUNC(ouro_number_inplace_rshift, nb_inplace_rshift, nb_rshift, ">>=")
INPLACE_FUNC(ouro_number_inplace_and, nb_inplace_and, nb_and, "&=")
INPLACE_FUNC(ouro_number_inplace_or, nb_inplace_or, nb_or, "|=")
INPLACE_FUNC(ouro_number_inplace_xor, nb_inplace_xor, nb_xor, "^=")
INPLACE_FUNC(ouro_number_inplace_matrix_multiply, nb_inplace_matrix_multiply,
             nb_matrix_multiply, "@=")

/* a += b: numbers first, then the sequence's in-place concatenation, then concatenation
 * (CPython's PyNumber_InPlaceAdd). */
OURO_API OuroObject *ouro_number_inplace_add(OuroObject *a, OuroObject *b)
{
    OuroObject *r = binary_iop1(a, b, NB_OFF(nb_inplace_add), NB_OFF(nb_add));
    if (r != OURO_NOTIMPLEMENTED)
        return r;
    OURO_DECREF(r);
    const OuroSequenceMethods *sq = OURO_TYPE(a)->tp_as_sequence;
    if (sq && sq->sq_inplace_concat)
        return sq->sq_inplace_concat(a, b);
    if (sq && sq->sq_concat)
        return sq->sq_concat(a, b);
    return binop_type_error(a, b, "+=");
}

/* a *= b: numbers first, then in-place repetition of a, then repetition of either. */
OURO_API OuroObject *ouro_number_inplace_multiply(OuroObject *a, OuroObject *b)
{
    OuroObject *r = binary_iop1(a, b, NB_OFF(nb_inplace_multiply), NB_OFF(nb_multiply));
    if (r != OURO_NOTIMPLEMENTED)
        return r;
    OURO_DECREF(r);
    const OuroSequenceMethods *sa = OURO_TYPE(a)->tp_as_sequence;
    const OuroSequenceMethods *sb = OURO_TYPE(b)->tp_as_sequence;
    if (sa && sa->sq_inplace_repeat) {
        if (!OURO_TYPE(b)->tp_as_number || !OURO_TYPE(b)->tp_as_number->nb_index)
            return ouro_err_format(&ouro_exc_TypeError,
                                   "can't multiply sequence by non-int of type '%s'",
                                   OURO_TYPE_NAME(b));
        ouro_ssize n = ouro_number_as_ssize(b, &ouro_exc_OverflowError);
        if (n == -1 && ouro_err_occurred())
            return NULL;
        return sa->sq_inplace_repeat(a, n);
    }
    if (sa && sa->sq_repeat)
        return sequence_repeat(a, b);
    if (sb && sb->sq_repeat)
        return sequence_repeat(b, a);
    return binop_type_error(a, b, "*=");
}

/* a **= b: a's in-place power, then the plain power's dispatch. */
OURO_API OuroObject *ouro_number_inplace_power(OuroObject *a, OuroObject *b)
{
    const OuroNumberMethods *nb = OURO_TYPE(a)->tp_as_number;
    if (nb && nb->nb_inplace_power) {
        OuroObject *r = nb->nb_inplace_power(a, b, OURO_NONE);
        if (r != OURO_NOTIMPLEMENTED)
            return r;
        OURO_DECREF(r);
    }
    return ternary_op(a, b, OURO_NONE, "**=");
}

/* pow(a, b[, mod]): the ternary slot, tried on a, then b, then mod (CPython's
 * ternary_op). */
static OuroObject *ternary_op(OuroObject *a, OuroObject *b, OuroObject *mod, const char *op)
{
    OuroType *ta = OURO_TYPE(a), *tb = OURO_TYPE(b);
    ouro_ternaryfunc fa = ta->tp_as_number ? ta->tp_as_number->nb_power : NULL;
    ouro_ternaryfunc fb = tb->tp_as_number ? tb->tp_as_number->nb_power : NULL;
    OuroObject *r;
    if (fb == fa)
        fb = NULL;
    if (fa) {
        if (fb && ouro_type_is_subtype(tb, ta)) {
            r = fb(a, b, mod);
            if (r != OURO_NOTIMPLEMENTED)
                return r;
            OURO_DECREF(r);
            fb = NULL;
        }
        r = fa(a, b, mod);
        if (r != OURO_NOTIMPLEMENTED)
            return r;
        OURO_DECREF(r);
    }
    if (fb) {
        r = fb(a, b, mod);
        if (r != OURO_NOTIMPLEMENTED)
            return r;
        OURO_DECREF(r);
    }
    if (mod != OURO_NONE) {
        OuroType *tm = OURO_TYPE(mod);
        ouro_ternaryfunc fm = tm->tp_as_number ? tm->tp_as_number->nb_power : NULL;
        if (fm && fm != fa && fm != fb) {
            r = fm(a, b, mod);
            if (r != OURO_NOTIMPLEMENTED)
                return r;
            OURO_DECREF(r);
        }
        return ouro_err_format(&ouro_exc_TypeError,
                               "unsupported operand type(s) for pow(): '%s', '%s', '%s'",
                               OURO_TYPE_NAME(a), OURO_TYPE_NAME(b), OURO_TYPE_NAME(mod));
    }
    return binop_type_error(a, b, op);
}

OURO_API OuroObject *ouro_number_power(OuroObject *a, OuroObject *b, OuroObject *mod)
{
    return ternary_op(a, b, mod ? mod : OURO_NONE, "** or pow()");
}

static OuroObject *unary_op(OuroObject *o, size_t off, const char *opname)
{
    const OuroNumberMethods *nb = OURO_TYPE(o)->tp_as_number;
    ouro_unaryfunc f = nb ? *(ouro_unaryfunc *)((const char *)nb + off) : NULL;
    if (f)
        return f(o);
    return ouro_err_format(&ouro_exc_TypeError, "bad operand type for %s: '%s'", opname,
                           OURO_TYPE_NAME(o));
}

OURO_API OuroObject *ouro_number_negative(OuroObject *o) { return unary_op(o, NB_OFF(nb_negative), "unary -"); }
OURO_API OuroObject *ouro_number_positive(OuroObject *o) { return unary_op(o, NB_OFF(nb_positive), "unary +"); }
OURO_API OuroObject *ouro_number_invert(OuroObject *o) { return unary_op(o, NB_OFF(nb_invert), "unary ~"); }
OURO_API OuroObject *ouro_number_absolute(OuroObject *o) { return unary_op(o, NB_OFF(nb_absolute), "abs()"); }

OURO_API OuroObject *ouro_number_index(OuroObject *o)
{
    if (ouro_int_check_exact(o))
        return OURO_NEWREF(o);
    if (ouro_int_check(o)) /* True, or an int subclass: the plain int of the same value */
        return ou_int_exact(o);
    const OuroNumberMethods *nb = OURO_TYPE(o)->tp_as_number;
    if (!nb || !nb->nb_index)
        return ouro_err_format(&ouro_exc_TypeError,
                               "'%s' object cannot be interpreted as an integer",
                               OURO_TYPE_NAME(o));
    OuroObject *r = nb->nb_index(o);
    if (r && !ouro_int_check(r)) {
        ouro_err_format(&ouro_exc_TypeError, "__index__ returned non-int (type %s)",
                        OURO_TYPE_NAME(r));
        OURO_DECREF(r);
        return NULL;
    }
    return r;
}

OURO_API ouro_ssize ouro_number_as_ssize(OuroObject *o, OuroType *exc)
{
    OuroObject *i = ouro_number_index(o);
    if (!i)
        return -1;
    int overflow = 0;
    int64_t v = ouro_int_as_int64_and_overflow(i, &overflow);
    if (overflow) {
        if (exc)
            ouro_err_format(exc, "cannot fit '%s' into an index-sized integer",
                            OURO_TYPE_NAME(o));
        else
            v = overflow < 0 ? INT64_MIN : INT64_MAX;
    }
    OURO_DECREF(i);
    return overflow && exc ? -1 : (ouro_ssize)v;
}

/* --------------------------------------------------------- containers -- */

OURO_API ouro_ssize ouro_object_length(OuroObject *o)
{
    const OuroType *t = OURO_TYPE(o);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_length)
        return t->tp_as_sequence->sq_length(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length)
        return t->tp_as_mapping->mp_length(o);
    ouro_err_format(&ouro_exc_TypeError, "object of type '%s' has no len()", OURO_TYPE_NAME(o));
    return -1;
}

OURO_API OuroObject *ouro_object_getitem(OuroObject *o, OuroObject *key)
{
    const OuroType *t = OURO_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript)
        return t->tp_as_mapping->mp_subscript(o, key);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
        if (!OURO_TYPE(key)->tp_as_number || !OURO_TYPE(key)->tp_as_number->nb_index)
            return ouro_err_format(&ouro_exc_TypeError,
                                   "sequence index must be integer, not '%s'",
                                   OURO_TYPE_NAME(key));
        ouro_ssize i = ouro_number_as_ssize(key, &ouro_exc_IndexError);
        if (i == -1 && ouro_err_occurred())
            return NULL;
        if (i < 0 && t->tp_as_sequence->sq_length) {
            ouro_ssize n = t->tp_as_sequence->sq_length(o);
            if (n < 0)
                return NULL;
            i += n;
        }
        return t->tp_as_sequence->sq_item(o, i);
    }
    if (OURO_IS_TYPE(o, &ouro_type_type))
        return ouro_err_format(&ouro_exc_TypeError, "type '%s' is not subscriptable",
                               ((OuroType *)o)->tp_name);
    return ouro_err_format(&ouro_exc_TypeError, "'%s' object is not subscriptable",
                           OURO_TYPE_NAME(o));
}

static int ass_item(OuroObject *o, OuroObject *key, OuroObject *value)
{
    const OuroType *t = OURO_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript)
        return t->tp_as_mapping->mp_ass_subscript(o, key, value);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_ass_item) {
        if (!OURO_TYPE(key)->tp_as_number || !OURO_TYPE(key)->tp_as_number->nb_index) {
            ouro_err_format(&ouro_exc_TypeError, "sequence index must be integer, not '%s'",
                            OURO_TYPE_NAME(key));
            return -1;
        }
        ouro_ssize i = ouro_number_as_ssize(key, &ouro_exc_IndexError);
        if (i == -1 && ouro_err_occurred())
            return -1;
        if (i < 0 && t->tp_as_sequence->sq_length) {
            ouro_ssize n = t->tp_as_sequence->sq_length(o);
            if (n < 0)
                return -1;
            i += n;
        }
        return t->tp_as_sequence->sq_ass_item(o, i, value);
    }
    if (value)
        ouro_err_format(&ouro_exc_TypeError, "'%s' object does not support item assignment",
                        OURO_TYPE_NAME(o));
    else
        ouro_err_format(&ouro_exc_TypeError, "'%s' object doesn't support item deletion",
                        OURO_TYPE_NAME(o));
    return -1;
}

OURO_API int ouro_object_setitem(OuroObject *o, OuroObject *key, OuroObject *value)
{
    return ass_item(o, key, value);
}

OURO_API int ouro_object_delitem(OuroObject *o, OuroObject *key)
{
    return ass_item(o, key, NULL);
}

OURO_API int ouro_sequence_contains(OuroObject *seq, OuroObject *item)
{
    const OuroSequenceMethods *sq = OURO_TYPE(seq)->tp_as_sequence;
    if (sq && sq->sq_contains)
        return sq->sq_contains(seq, item);
    /* the old protocol (__getitem__ from 0) is searched too, as CPython's IterSearch */
    if (!OURO_TYPE(seq)->tp_iter && !ou_seqiter_applies(seq)) {
        ouro_err_format(&ouro_exc_TypeError, "argument of type '%s' is not iterable",
                        OURO_TYPE_NAME(seq));
        return -1;
    }
    OuroObject *it = ouro_object_get_iter(seq), *x;
    if (!it)
        return -1;
    int found = 0;
    while (!found && (x = ouro_iter_next(it)) != NULL) {
        found = ouro_object_richcompare_bool(x, item, OURO_EQ);
        OURO_DECREF(x);
    }
    OURO_DECREF(it);
    if (found == 0 && ouro_err_occurred())
        return -1;
    return found;
}

OURO_API OuroObject *ouro_object_get_iter(OuroObject *o)
{
    ouro_unaryfunc f = OURO_TYPE(o)->tp_iter;
    if (!f && ou_seqiter_applies(o)) /* the old protocol: __getitem__ from 0 */
        return ou_seqiter_new(o);
    if (!f)
        return ouro_err_format(&ouro_exc_TypeError, "'%s' object is not iterable",
                               OURO_TYPE_NAME(o));
    OuroObject *it = f(o);
    if (it && !OURO_TYPE(it)->tp_iternext) {
        ouro_err_format(&ouro_exc_TypeError, "iter() returned non-iterator of type '%s'",
                        OURO_TYPE_NAME(it));
        OURO_DECREF(it);
        return NULL;
    }
    return it;
}

OURO_API OuroObject *ouro_iter_next(OuroObject *it)
{
    OuroObject *r = OURO_TYPE(it)->tp_iternext(it);
    if (!r && ouro_err_matches(&ouro_exc_StopIteration))
        ouro_err_clear();
    return r;
}

/* ------------------------------------------------------------ calls, attributes -- */

OURO_API OuroObject *ouro_object_call(OuroObject *callable, OuroObject *args, OuroObject *kwargs)
{
    ouro_ternaryfunc f = OURO_TYPE(callable)->tp_call;
    if (!f)
        return ouro_err_format(&ouro_exc_TypeError, "'%s' object is not callable",
                               OURO_TYPE_NAME(callable));
    OuroObject *own_args = NULL;
    if (!args && !(args = own_args = ouro_tuple_new(0)))
        return NULL;
    /* CPython 3.11 counts a recursion level here only for callables without vectorcall
     * (functions, methods, builtins and built-in types have it; classes defined in Python
     * and instances with __call__ do not): the depth at which RecursionError strikes, and
     * its " while calling a Python object" suffix, then match CPython's. */
    bool count = !OURO_TYPE(callable)->tp_vectorcall ||
                 (ouro_type_has_flag(OURO_TYPE(callable), OURO_TPFLAG_TYPE_SUBCLASS) &&
                  ouro_type_has_flag((OuroType *)callable, OURO_TPFLAG_HEAPTYPE));
    if (count && ou_enter_recursive_call(" while calling a Python object") < 0) {
        OURO_XDECREF(own_args);
        return NULL;
    }
    OuroObject *r = f(callable, args, kwargs);
    if (count)
        ou_leave_recursive_call();
    OURO_XDECREF(own_args);
    return r;
}

OURO_API OuroObject *ouro_object_vectorcall(OuroObject *callable, OuroObject *const *args,
                                            size_t nargs, OuroObject *kwnames)
{
    ouro_vectorcallfunc vc = OURO_TYPE(callable)->tp_vectorcall;
    if (vc)
        return vc(callable, args, nargs, kwnames);
    /* Fallback: pack into a tuple and a dict for tp_call. */
    OuroObject *tuple = ouro_tuple_from_array(args, (ouro_ssize)nargs), *kw = NULL, *r = NULL;
    if (!tuple)
        return NULL;
    if (kwnames && OURO_TUPLE_SIZE(kwnames)) {
        if (!(kw = ouro_dict_new()))
            goto done;
        for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(kwnames); i++)
            if (ouro_dict_set_item(kw, OURO_TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0)
                goto done;
    }
    r = ouro_object_call(callable, tuple, kw);
done:
    OURO_DECREF(tuple);
    OURO_XDECREF(kw);
    return r;
}

OURO_API OuroObject *ouro_object_getattr(OuroObject *o, OuroObject *name)
{
    if (!ouro_str_check(name))
        return ouro_err_format(&ouro_exc_TypeError,
                               "attribute name must be string, not '%s'", OURO_TYPE_NAME(name));
    ouro_getattrofunc f = OURO_TYPE(o)->tp_getattro;
    OuroObject *r = f ? f(o, name)
                      : ouro_err_format(&ouro_exc_AttributeError,
                                        "'%s' object has no attribute '%U'", OURO_TYPE_NAME(o),
                                        name);
    if (!r && ouro_err_matches(&ouro_exc_AttributeError))
        ou_attribute_error_context(o, name); /* name and obj, for suggestions */
    return r;
}

OURO_API OuroObject *ouro_object_getattr_str(OuroObject *o, const char *name)
{
    OuroObject *n = ouro_str_from_cstr(name);
    if (!n)
        return NULL;
    OuroObject *r = ouro_object_getattr(o, n);
    OURO_DECREF(n);
    return r;
}

OURO_API int ouro_object_setattr(OuroObject *o, OuroObject *name, OuroObject *value)
{
    if (!ouro_str_check(name)) {
        ouro_err_format(&ouro_exc_TypeError, "attribute name must be string, not '%s'",
                        OURO_TYPE_NAME(name));
        return -1;
    }
    ouro_setattrofunc f = OURO_TYPE(o)->tp_setattro;
    if (f)
        return f(o, name, value);
    if (OURO_TYPE(o)->tp_getattro)
        ouro_err_format(&ouro_exc_AttributeError,
                        "'%s' object attribute '%U' is read-only", OURO_TYPE_NAME(o), name);
    else
        ouro_err_format(&ouro_exc_AttributeError, "'%s' object has no attribute '%U'",
                        OURO_TYPE_NAME(o), name);
    return -1;
}
