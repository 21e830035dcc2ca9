/* src/objects/sliceobject.c — slice objects and the resolution of slices against a
 * sequence length (CPython's PySlice_Unpack / PySlice_AdjustIndices clamping rules). */
#include "sequence.h"
#include <stddef.h>

/* ------------------------------------------------------------- index conversion -- */

int ou_slice_index(OuroObject *v, ouro_ssize *out)
{
    if (v == OURO_NONE)
        return 0;
    if (!ou_index_check(v)) {
        ouro_err_set_string(&ouro_exc_TypeError,
                            "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    /* Clamped, not an error: l[10**100:] is simply "to the end". */
    ouro_ssize x = ouro_number_as_ssize(v, NULL);
    if (x == -1 && ouro_err_occurred())
        return -1;
    *out = x;
    return 0;
}

int ou_slice_index_not_none(OuroObject *v, ouro_ssize *out)
{
    if (!ou_index_check(v)) {
        ouro_err_set_string(&ouro_exc_TypeError,
                            "slice indices must be integers or have an __index__ method");
        return -1;
    }
    ouro_ssize x = ouro_number_as_ssize(v, NULL);
    if (x == -1 && ouro_err_occurred())
        return -1;
    *out = x;
    return 0;
}

int ou_slice_unpack(OuroObject *slice, ouro_ssize *start, ouro_ssize *stop, ouro_ssize *step)
{
    OuroSlice *r = (OuroSlice *)slice;
    if (r->step == OURO_NONE) {
        *step = 1;
    } else {
        if (ou_slice_index(r->step, step) < 0)
            return -1;
        if (*step == 0) {
            ouro_err_set_string(&ouro_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* So that later code may negate the step without overflow. */
        if (*step < -OURO_SSIZE_MAX)
            *step = -OURO_SSIZE_MAX;
    }
    if (r->start == OURO_NONE)
        *start = *step < 0 ? OURO_SSIZE_MAX : 0;
    else if (ou_slice_index(r->start, start) < 0)
        return -1;
    if (r->stop == OURO_NONE)
        *stop = *step < 0 ? OURO_SSIZE_MIN : OURO_SSIZE_MAX;
    else if (ou_slice_index(r->stop, stop) < 0)
        return -1;
    return 0;
}

/* Clamps one bound: negative counts from the end; out-of-range values stick to the edge
 * the step walks toward (-1 or length - 1 for negative steps, 0 or length otherwise). */
static ouro_ssize adjust_bound(ouro_ssize v, ouro_ssize length, ouro_ssize step)
{
    if (v < 0) {
        v += length;
        if (v < 0)
            v = step < 0 ? -1 : 0;
    } else if (v >= length) {
        v = step < 0 ? length - 1 : length;
    }
    return v;
}

ouro_ssize ou_slice_adjust_indices(ouro_ssize length, ouro_ssize *start, ouro_ssize *stop,
                                   ouro_ssize step)
{
    OU_ASSERT(step != 0 && step >= -OURO_SSIZE_MAX);
    *start = adjust_bound(*start, length, step);
    *stop = adjust_bound(*stop, length, step);
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

OURO_API ouro_ssize ouro_slice_unpack_indices(OuroObject *slice, ouro_ssize length,
                                              ouro_ssize *start, ouro_ssize *stop,
                                              ouro_ssize *step)
{
    if (!ouro_slice_check(slice)) {
        ouro_err_bad_internal_call("ouro_slice_unpack_indices");
        return -1;
    }
    if (ou_slice_unpack(slice, start, stop, step) < 0)
        return -1;
    return ou_slice_adjust_indices(length, start, stop, *step);
}

/* ------------------------------------------------------ indices on arbitrary ints -- */

/* A slice part as an int: new reference, or NULL with TypeError. */
static OuroObject *evaluate_slice_index(OuroObject *v)
{
    if (!ou_index_check(v)) {
        ouro_err_set_string(&ouro_exc_TypeError,
                            "slice indices must be integers or None or have an __index__ method");
        return NULL;
    }
    return ouro_number_index(v);
}

/* One bound of ou_slice_long_indices: None takes dflt, a negative value counts from the
 * end and is clamped to lower, a positive one to upper. New reference, or NULL. */
static OuroObject *long_bound(OuroObject *v, OuroObject *dflt, OuroObject *length,
                              OuroObject *lower, OuroObject *upper)
{
    if (v == OURO_NONE)
        return OURO_NEWREF(dflt);
    OuroObject *x = evaluate_slice_index(v);
    if (!x)
        return NULL;
    int cmp;
    if (ouro_int_sign(x) < 0) {
        OuroObject *t = ouro_number_add(x, length);
        OURO_DECREF(x);
        if (!(x = t))
            return NULL;
        cmp = ouro_object_richcompare_bool(x, lower, OURO_LT);
        if (cmp > 0)
            OURO_SETREF(x, OURO_NEWREF(lower));
    } else {
        cmp = ouro_object_richcompare_bool(x, upper, OURO_GT);
        if (cmp > 0)
            OURO_SETREF(x, OURO_NEWREF(upper));
    }
    if (cmp < 0)
        OURO_CLEAR(x);
    return x;
}

int ou_slice_long_indices(OuroObject *slice, OuroObject *length, OuroObject **start_p,
                          OuroObject **stop_p, OuroObject **step_p)
{
    OuroSlice *self = (OuroSlice *)slice;
    OuroObject *start = NULL, *stop = NULL, *step = NULL, *lower = NULL, *upper = NULL;
    int negative = 0;

    if (self->step == OURO_NONE) {
        step = ouro_int_from_ssize(1);
    } else {
        step = evaluate_slice_index(self->step);
        if (step && ouro_int_sign(step) == 0) {
            ouro_err_set_string(&ouro_exc_ValueError, "slice step cannot be zero");
            goto error;
        }
        negative = step && ouro_int_sign(step) < 0;
    }
    if (!step)
        goto error;
    /* Bounds: [-1, length - 1] walking down, [0, length] walking up. */
    if (negative) {
        lower = ouro_int_from_ssize(-1);
        upper = lower ? ouro_number_add(length, lower) : NULL;
    } else {
        lower = ouro_int_from_ssize(0);
        upper = OURO_NEWREF(length);
    }
    if (!lower || !upper)
        goto error;
    start = long_bound(self->start, negative ? upper : lower, length, lower, upper);
    if (!start)
        goto error;
    stop = long_bound(self->stop, negative ? lower : upper, length, lower, upper);
    if (!stop)
        goto error;
    OURO_DECREF(lower);
    OURO_DECREF(upper);
    *start_p = start;
    *stop_p = stop;
    *step_p = step;
    return 0;
error:
    OURO_XDECREF(start);
    OURO_XDECREF(stop);
    OURO_XDECREF(step);
    OURO_XDECREF(lower);
    OURO_XDECREF(upper);
    return -1;
}

/* ----------------------------------------------------------------- the object -- */

OURO_API OuroObject *ouro_slice_new(OuroObject *start, OuroObject *stop, OuroObject *step)
{
    OuroSlice *s = (OuroSlice *)ouro_object_alloc(&ouro_slice_type);
    if (!s)
        return NULL;
    s->start = OURO_NEWREF(start ? start : OURO_NONE);
    s->stop = OURO_NEWREF(stop ? stop : OURO_NONE);
    s->step = OURO_NEWREF(step ? step : OURO_NONE);
    ouro_gc_track((OuroObject *)s);
    return (OuroObject *)s;
}

static void slice_dealloc(OuroObject *op)
{
    OuroSlice *s = (OuroSlice *)op;
    ouro_gc_untrack(op);
    OURO_DECREF(s->step);
    OURO_DECREF(s->start);
    OURO_DECREF(s->stop);
    ouro_object_free(op);
}

static int slice_traverse(OuroObject *op, ouro_visitproc visit, void *arg)
{
    OuroSlice *s = (OuroSlice *)op;
    int r;
    if ((r = visit(s->start, arg)) || (r = visit(s->stop, arg)) || (r = visit(s->step, arg)))
        return r;
    return 0;
}

/* The fields are never NULL: clearing points them at None. */
static int slice_clear(OuroObject *op)
{
    OuroSlice *s = (OuroSlice *)op;
    OURO_SETREF(s->start, OURO_NONE);
    OURO_SETREF(s->stop, OURO_NONE);
    OURO_SETREF(s->step, OURO_NONE);
    return 0;
}

static OuroObject *slice_repr(OuroObject *op)
{
    OuroSlice *s = (OuroSlice *)op;
    return ouro_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

/* As tuples (start, stop, step); a slice is equal to itself whatever its parts. */
static OuroObject *slice_richcompare(OuroObject *v, OuroObject *w, int op)
{
    if (!ouro_slice_check(v) || !ouro_slice_check(w))
        OURO_RETURN_NOTIMPLEMENTED;
    if (v == w) {
        int eq = op == OURO_EQ || op == OURO_LE || op == OURO_GE;
        return OURO_NEWREF(eq ? OURO_TRUE : OURO_FALSE);
    }
    OuroSlice *a = (OuroSlice *)v, *b = (OuroSlice *)w;
    OuroObject *t1 = ouro_tuple_pack(3, a->start, a->stop, a->step);
    if (!t1)
        return NULL;
    OuroObject *t2 = ouro_tuple_pack(3, b->start, b->stop, b->step);
    if (!t2) {
        OURO_DECREF(t1);
        return NULL;
    }
    OuroObject *r = ouro_object_richcompare(t1, t2, op);
    OURO_DECREF(t1);
    OURO_DECREF(t2);
    return r;
}

static OuroObject *slice_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    if (kwargs && ouro_dict_size(kwargs) > 0)
        return ouro_err_format(&ouro_exc_TypeError, "slice() takes no keyword arguments");
    ouro_ssize n = args ? OURO_TUPLE_SIZE(args) : 0;
    if (n < 1)
        return ouro_err_format(&ouro_exc_TypeError,
                               "slice expected at least 1 argument, got %zd", n);
    if (n > 3)
        return ouro_err_format(&ouro_exc_TypeError,
                               "slice expected at most 3 arguments, got %zd", n);
    if (n == 1)
        return ouro_slice_new(NULL, OURO_TUPLE_GET(args, 0), NULL);
    return ouro_slice_new(OURO_TUPLE_GET(args, 0), OURO_TUPLE_GET(args, 1),
                          n == 3 ? OURO_TUPLE_GET(args, 2) : NULL);
}

/* slice.indices(length) -> (start, stop, step), on ints of any size. */
static OuroObject *slice_indices(OuroObject *self, OuroObject *len)
{
    OuroObject *start, *stop, *step, *r = NULL;
    OuroObject *length = ouro_number_index(len);
    if (!length)
        return NULL;
    if (ouro_int_sign(length) < 0) {
        ouro_err_set_string(&ouro_exc_ValueError, "length should not be negative");
        goto done;
    }
    if (ou_slice_long_indices(self, length, &start, &stop, &step) < 0)
        goto done;
    r = ouro_tuple_pack(3, start, stop, step);
    OURO_DECREF(start);
    OURO_DECREF(stop);
    OURO_DECREF(step);
done:
    OURO_DECREF(length);
    return r;
}

static OuroObject *slice_reduce(OuroObject *self, OuroObject *unused)
{
    OuroSlice *s = (OuroSlice *)self;
    OuroObject *parts = ouro_tuple_pack(3, s->start, s->stop, s->step);
    if (!parts)
        return NULL;
    OuroObject *r = ouro_tuple_pack(2, (OuroObject *)OURO_TYPE(self), parts);
    OURO_DECREF(parts);
    return r;
}

static const OuroMethodDef slice_methods[] = {
    { "indices", OURO_METH(slice_indices), OURO_METH_O,
      "S.indices(len) -> (start, stop, stride)\n\n"
      "Assuming a sequence of length len, calculate the start and stop\n"
      "indices, and the stride length of the extended slice described by\n"
      "S. Out of bounds indices are clipped in a manner consistent with the\n"
      "handling of normal slices." },
    { "__reduce__", OURO_METH(slice_reduce), OURO_METH_NOARGS,
      "Return state information for pickling." },
    { NULL, NULL, 0, NULL },
};

static const OuroMemberDef slice_members[] = {
    { "start", OURO_MEMBER_OBJECT, offsetof(OuroSlice, start), OURO_MEMBER_READONLY, NULL },
    { "stop", OURO_MEMBER_OBJECT, offsetof(OuroSlice, stop), OURO_MEMBER_READONLY, NULL },
    { "step", OURO_MEMBER_OBJECT, offsetof(OuroSlice, step), OURO_MEMBER_READONLY, NULL },
    { NULL, 0, 0, 0, NULL },
};

OURO_API OuroType ouro_slice_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "slice",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(OuroSlice),
    .tp_dealloc = slice_dealloc,
    .tp_traverse = slice_traverse,
    .tp_clear = slice_clear,
    .tp_repr = slice_repr,
    .tp_hash = ouro_hash_not_implemented, /* unhashable in 3.11 */
    .tp_richcompare = slice_richcompare,
    .tp_new = slice_new,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\n"
              "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
};
