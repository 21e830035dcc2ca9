/* src/objects/rangeobject.c — range: an immutable arithmetic sequence over ints of any
 * size, and its two iterators (machine words when everything fits, int objects
 * otherwise). Notes: docs/internals/objects.md (range). */
#include "sequence.h"
#include <stddef.h>

/* start, stop, step and the length are int objects (the length computed once). When all
 * four fit in 64 bits, their values are cached too and the common operations run on C
 * integers; the results are the same either way. */
typedef struct RangeObject {
    OuroObject ob_base;
    OuroObject *start, *stop, *step, *length;
    bool small;                         /* the cache below is valid */
    int64_t istart, istop, istep, ilen;
} RangeObject;

#define RANGE(o) ((RangeObject *)(o))

static OuroObject *range_iter(OuroObject *seq);

/* o (an int) as int64_t; false when it does not fit. Never raises. */
static bool int_to_i64(OuroObject *o, int64_t *out)
{
    int overflow = 0;
    int64_t v = ouro_int_as_int64_and_overflow(o, &overflow);
    if (overflow || (v == -1 && ouro_err_occurred())) {
        if (!overflow)
            ouro_err_clear();
        return false;
    }
    *out = v;
    return true;
}

/* Items in range(lo, hi, step) for C integers, step != 0. Always fits in 64 unsigned
 * bits: the largest case, hi - lo - 1 with hi = MAX and lo = MIN, is 2**64 - 2. */
static uint64_t len_of_range(int64_t lo, int64_t hi, int64_t step)
{
    if (step > 0 && lo < hi)
        return 1 + ((uint64_t)hi - 1 - (uint64_t)lo) / (uint64_t)step;
    if (step < 0 && lo > hi)
        return 1 + ((uint64_t)lo - 1 - (uint64_t)hi) / (0 - (uint64_t)step);
    return 0;
}

/* len(range(start, stop, step)) as an int: (hi - lo - 1) // |step| + 1 when lo < hi, with
 * (lo, hi) = (start, stop) for positive steps and (stop, start) otherwise.
 * Returns: new reference, or NULL with an exception. */
static OuroObject *compute_range_length(OuroObject *start, OuroObject *stop, OuroObject *step)
{
    int64_t a, b, c;
    if (int_to_i64(start, &a) && int_to_i64(stop, &b) && int_to_i64(step, &c))
        return ouro_int_from_uint64(len_of_range(a, b, c));

    OuroObject *lo, *hi, *absstep, *one = NULL, *diff = NULL, *tmp = NULL, *result = NULL;
    if (ouro_int_sign(step) > 0) {
        lo = start;
        hi = stop;
        absstep = OURO_NEWREF(step);
    } else {
        lo = stop;
        hi = start;
        if (!(absstep = ouro_number_negative(step)))
            return NULL;
    }
    int cmp = ouro_object_richcompare_bool(lo, hi, OURO_GE);
    if (cmp != 0) {
        OURO_DECREF(absstep);
        return cmp < 0 ? NULL : ouro_int_from_ssize(0);
    }
    if (!(one = ouro_int_from_ssize(1)) || !(tmp = ouro_number_subtract(hi, lo)) ||
        !(diff = ouro_number_subtract(tmp, one)))
        goto done;
    OURO_SETREF(tmp, ouro_number_floor_divide(diff, absstep));
    if (tmp)
        result = ouro_number_add(tmp, one);
done:
    OURO_XDECREF(one);
    OURO_XDECREF(tmp);
    OURO_XDECREF(diff);
    OURO_DECREF(absstep);
    return result;
}

/* A new range of type t; steals start, stop and step (released on failure too). */
static OuroObject *make_range(OuroType *t, OuroObject *start, OuroObject *stop, OuroObject *step)
{
    OuroObject *length = compute_range_length(start, stop, step);
    RangeObject *r = length ? (RangeObject *)ouro_object_alloc(t) : NULL;
    if (!r) {
        OURO_XDECREF(length);
        OURO_DECREF(start);
        OURO_DECREF(stop);
        OURO_DECREF(step);
        return NULL;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    r->small = int_to_i64(start, &r->istart) && int_to_i64(stop, &r->istop) &&
               int_to_i64(step, &r->istep) && int_to_i64(length, &r->ilen);
    return (OuroObject *)r;
}

/* operator.index(o) as an exact int: range(True) is range(0, 1), as CPython's
 * PyNumber_Index makes int subclasses plain ints. New reference, or NULL. */
static OuroObject *exact_index(OuroObject *o)
{
    OuroObject *i = ouro_number_index(o);
    if (i && ouro_bool_check(i))
        OURO_SETREF(i, ouro_int_from_ssize(i == OURO_TRUE));
    return i;
}

/* step as an int, ValueError for zero; NULL means 1. New reference, or NULL. */
static OuroObject *validate_step(OuroObject *step)
{
    if (!step)
        return ouro_int_from_ssize(1);
    step = exact_index(step);
    if (step && ouro_int_sign(step) == 0) {
        ouro_err_set_string(&ouro_exc_ValueError, "range() arg 3 must not be zero");
        OURO_CLEAR(step);
    }
    return step;
}

/* range(start, stop[, step]) from any objects with __index__. New reference, or NULL. */
static OuroObject *range_from_args(OuroType *t, OuroObject *start, OuroObject *stop,
                                   OuroObject *step)
{
    OuroObject *a = NULL, *b = NULL, *c = NULL;
    if (!(a = start ? exact_index(start) : ouro_int_from_ssize(0)) ||
        !(b = exact_index(stop)) || !(c = validate_step(step))) {
        OURO_XDECREF(a);
        OURO_XDECREF(b);
        return NULL;
    }
    return make_range(t, a, b, c);
}

OURO_API OuroObject *ouro_range_new(OuroObject *start, OuroObject *stop, OuroObject *step)
{
    if (!stop)
        return ouro_err_bad_internal_call("ouro_range_new");
    return range_from_args(&ouro_range_type, start, stop, step);
}

static OuroObject *range_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    if (kwargs && ouro_dict_size(kwargs) > 0)
        return ouro_err_format(&ouro_exc_TypeError, "range() takes no keyword arguments");
    ouro_ssize n = args ? OURO_TUPLE_SIZE(args) : 0;
    switch (n) {
    case 0:
        return ouro_err_format(&ouro_exc_TypeError, "range expected at least 1 argument, got 0");
    case 1:
        return range_from_args(type, NULL, OURO_TUPLE_GET(args, 0), NULL);
    case 2:
    case 3:
        return range_from_args(type, OURO_TUPLE_GET(args, 0), OURO_TUPLE_GET(args, 1),
                               n == 3 ? OURO_TUPLE_GET(args, 2) : NULL);
    default:
        return ouro_err_format(&ouro_exc_TypeError,
                               "range expected at most 3 arguments, got %zd", n);
    }
}

static void range_dealloc(OuroObject *op)
{
    RangeObject *r = RANGE(op);
    OURO_DECREF(r->start);
    OURO_DECREF(r->stop);
    OURO_DECREF(r->step);
    OURO_DECREF(r->length);
    ouro_object_free(op);
}

/* ---------------------------------------------------------------------- items -- */

/* start + i * step, i an int. New reference, or NULL. */
static OuroObject *compute_item(RangeObject *r, OuroObject *i)
{
    int64_t ii, prod, sum;
    if (r->small && int_to_i64(i, &ii) && !__builtin_mul_overflow(ii, r->istep, &prod) &&
        !__builtin_add_overflow(r->istart, prod, &sum))
        return ouro_int_from_int64(sum);
    OuroObject *incr = ouro_number_multiply(i, r->step);
    if (!incr)
        return NULL;
    OuroObject *result = ouro_number_add(r->start, incr);
    OURO_DECREF(incr);
    return result;
}

/* r[arg] for an int arg, negative counting from the end. New reference, or NULL with
 * IndexError "range object index out of range". */
static OuroObject *compute_range_item(RangeObject *r, OuroObject *arg)
{
    OuroObject *i;
    int cmp;
    if (ouro_int_sign(arg) < 0) {
        if (!(i = ouro_number_add(r->length, arg)))
            return NULL;
    } else {
        i = OURO_NEWREF(arg);
    }
    cmp = ouro_int_sign(i) < 0;
    if (!cmp)
        cmp = ouro_object_richcompare_bool(i, r->length, OURO_GE);
    if (cmp != 0) {
        OURO_DECREF(i);
        if (cmp > 0)
            ouro_err_set_string(&ouro_exc_IndexError, "range object index out of range");
        return NULL;
    }
    OuroObject *result = compute_item(r, i);
    OURO_DECREF(i);
    return result;
}

static OuroObject *range_item(OuroObject *op, ouro_ssize i)
{
    RangeObject *r = RANGE(op);
    if (r->small) {
        if (i < 0)
            i += r->ilen;
        if (i < 0 || i >= r->ilen) {
            ouro_err_set_string(&ouro_exc_IndexError, "range object index out of range");
            return NULL;
        }
        /* start + i * step lies between start and the last item: no overflow. */
        uint64_t v = (uint64_t)r->istart + (uint64_t)i * (uint64_t)r->istep;
        return ouro_int_from_int64((int64_t)v);
    }
    OuroObject *arg = ouro_int_from_ssize(i);
    if (!arg)
        return NULL;
    OuroObject *res = compute_range_item(r, arg);
    OURO_DECREF(arg);
    return res;
}

/* r[slice]: another range, r.start + r.step * (the slice's indices). */
static OuroObject *compute_slice(RangeObject *r, OuroObject *slice)
{
    OuroObject *start = NULL, *stop = NULL, *step = NULL;
    OuroObject *substart = NULL, *substop = NULL, *substep = NULL;
    if (ou_slice_long_indices(slice, r->length, &start, &stop, &step) < 0)
        return NULL;
    if (!(substep = ouro_number_multiply(r->step, step)) || !(substart = compute_item(r, start)) ||
        !(substop = compute_item(r, stop)))
        goto fail;
    OURO_DECREF(start);
    OURO_DECREF(stop);
    OURO_DECREF(step);
    return make_range(OURO_TYPE(r), substart, substop, substep);
fail:
    OURO_DECREF(start);
    OURO_DECREF(stop);
    OURO_DECREF(step);
    OURO_XDECREF(substart);
    OURO_XDECREF(substop);
    OURO_XDECREF(substep);
    return NULL;
}

static OuroObject *range_subscript(OuroObject *op, OuroObject *item)
{
    if (ou_index_check(item)) {
        OuroObject *i = ouro_number_index(item);
        if (!i)
            return NULL;
        OuroObject *result;
        int64_t ii;
        if (RANGE(op)->small && int_to_i64(i, &ii))
            result = range_item(op, ii);
        else
            result = compute_range_item(RANGE(op), i);
        OURO_DECREF(i);
        return result;
    }
    if (ouro_slice_check(item))
        return compute_slice(RANGE(op), item);
    return ouro_err_format(&ouro_exc_TypeError, "range indices must be integers or slices, not %s",
                           OURO_TYPE_NAME(item));
}

static ouro_ssize range_length(OuroObject *op)
{
    RangeObject *r = RANGE(op);
    return r->small ? r->ilen : ouro_int_as_ssize(r->length);
}

static int range_bool(OuroObject *op)
{
    return ouro_int_sign(RANGE(op)->length) != 0;
}

/* ----------------------------------------------------------------- membership -- */

/* ob in r for an int (or bool) ob: inside the bounds and on the stride. 1 / 0 / -1. */
static int range_contains_long(RangeObject *r, OuroObject *ob)
{
    int64_t v;
    if (r->small && int_to_i64(ob, &v)) {
        uint64_t diff;
        if (r->istep > 0) {
            if (!(r->istart <= v && v < r->istop))
                return 0;
            diff = (uint64_t)v - (uint64_t)r->istart;
            return diff % (uint64_t)r->istep == 0;
        }
        if (!(r->istop < v && v <= r->istart))
            return 0;
        diff = (uint64_t)r->istart - (uint64_t)v;
        return diff % (0 - (uint64_t)r->istep) == 0;
    }
    int cmp2, cmp3;
    if (ouro_int_sign(r->step) > 0) {
        cmp2 = ouro_object_richcompare_bool(r->start, ob, OURO_LE);
        cmp3 = cmp2 > 0 ? ouro_object_richcompare_bool(ob, r->stop, OURO_LT) : 0;
    } else {
        cmp2 = ouro_object_richcompare_bool(ob, r->start, OURO_LE);
        cmp3 = cmp2 > 0 ? ouro_object_richcompare_bool(r->stop, ob, OURO_LT) : 0;
    }
    if (cmp2 < 0 || cmp3 < 0)
        return -1;
    if (cmp2 == 0 || cmp3 == 0)
        return 0;
    int result = -1;
    OuroObject *tmp2 = NULL, *tmp1 = ouro_number_subtract(ob, r->start);
    if (tmp1 && (tmp2 = ouro_number_remainder(tmp1, r->step)))
        result = ouro_int_sign(tmp2) == 0;
    OURO_XDECREF(tmp1);
    OURO_XDECREF(tmp2);
    return result;
}

enum { SEARCH_COUNT, SEARCH_INDEX, SEARCH_CONTAINS };

/* The generic search over an iteration of r with == (CPython's _PySequence_IterSearch),
 * for objects that are not ints: a count, the first index, or 1/0 for containment.
 * -1 with an exception; SEARCH_INDEX raises ValueError when absent. */
static ouro_ssize iter_search(OuroObject *r, OuroObject *ob, int op)
{
    OuroObject *it = range_iter(r);
    if (!it)
        return -1;
    ouro_ssize n = 0, i = 0;
    for (;; i++) {
        OuroObject *item = ouro_iter_next(it);
        if (!item) {
            if (ouro_err_occurred())
                goto fail;
            break;
        }
        int cmp = ouro_object_richcompare_bool(item, ob, OURO_EQ);
        OURO_DECREF(item);
        if (cmp < 0)
            goto fail;
        if (cmp > 0) {
            if (op == SEARCH_COUNT) {
                n++;
                continue;
            }
            OURO_DECREF(it);
            return op == SEARCH_INDEX ? i : 1;
        }
    }
    OURO_DECREF(it);
    if (op == SEARCH_INDEX) {
        ouro_err_set_string(&ouro_exc_ValueError, "sequence.index(x): x not in sequence");
        return -1;
    }
    return n;
fail:
    OURO_DECREF(it);
    return -1;
}

static bool is_exact_int(OuroObject *ob)
{
    return ouro_int_check_exact(ob) || ouro_bool_check(ob);
}

static int range_contains(OuroObject *op, OuroObject *ob)
{
    if (is_exact_int(ob))
        return range_contains_long(RANGE(op), ob);
    return (int)iter_search(op, ob, SEARCH_CONTAINS);
}

static OuroObject *range_count(OuroObject *op, OuroObject *ob)
{
    ouro_ssize n = is_exact_int(ob) ? range_contains_long(RANGE(op), ob)
                                     : iter_search(op, ob, SEARCH_COUNT);
    return n < 0 ? NULL : ouro_int_from_ssize(n);
}

static OuroObject *range_index(OuroObject *op, OuroObject *ob)
{
    RangeObject *r = RANGE(op);
    if (!is_exact_int(ob)) {
        ouro_ssize i = iter_search(op, ob, SEARCH_INDEX);
        return i < 0 ? NULL : ouro_int_from_ssize(i);
    }
    int contains = range_contains_long(r, ob);
    if (contains < 0)
        return NULL;
    if (!contains)
        return ouro_err_format(&ouro_exc_ValueError, "%R is not in range", ob);
    /* (ob - start) // step */
    OuroObject *tmp = ouro_number_subtract(ob, r->start);
    if (!tmp)
        return NULL;
    OuroObject *idx = ouro_number_floor_divide(tmp, r->step);
    OURO_DECREF(tmp);
    return idx;
}

/* ------------------------------------------------------ comparison and hashing -- */

/* As sequences: same length, and (when not empty) same start, and (when longer than
 * one) same step. 1 / 0 / -1. */
static int range_equals(RangeObject *r0, RangeObject *r1)
{
    int cmp;
    if (r0 == r1)
        return 1;
    cmp = ouro_object_richcompare_bool(r0->length, r1->length, OURO_EQ);
    if (cmp != 1)
        return cmp;
    if (ouro_int_sign(r0->length) == 0)
        return 1;
    cmp = ouro_object_richcompare_bool(r0->start, r1->start, OURO_EQ);
    if (cmp != 1)
        return cmp;
    if (r0->small && r0->ilen == 1)
        return 1;
    if (!r0->small) {
        OuroObject *one = ouro_int_from_ssize(1);
        if (!one)
            return -1;
        cmp = ouro_object_richcompare_bool(r0->length, one, OURO_EQ);
        OURO_DECREF(one);
        if (cmp != 0)
            return cmp;
    }
    return ouro_object_richcompare_bool(r0->step, r1->step, OURO_EQ);
}

static OuroObject *range_richcompare(OuroObject *self, OuroObject *other, int op)
{
    if (!ouro_object_type_check(other, &ouro_range_type))
        OURO_RETURN_NOTIMPLEMENTED;
    if (op != OURO_EQ && op != OURO_NE)
        OURO_RETURN_NOTIMPLEMENTED;
    int result = range_equals(RANGE(self), RANGE(other));
    if (result < 0)
        return NULL;
    if (op == OURO_NE)
        result = !result;
    return OURO_NEWREF(result ? OURO_TRUE : OURO_FALSE);
}

/* hash((len, None, None)) when empty, hash((len, start, None)) for one item, else
 * hash((len, start, step)): equal ranges hash equal. */
static ouro_hash range_hash(OuroObject *op)
{
    RangeObject *r = RANGE(op);
    OuroObject *start = OURO_NONE, *step = OURO_NONE;
    if (ouro_int_sign(r->length) != 0) {
        start = r->start;
        OuroObject *one = ouro_int_from_ssize(1);
        if (!one)
            return -1;
        int cmp = ouro_object_richcompare_bool(r->length, one, OURO_EQ);
        OURO_DECREF(one);
        if (cmp < 0)
            return -1;
        if (cmp == 0)
            step = r->step;
    }
    OuroObject *t = ouro_tuple_pack(3, r->length, start, step);
    if (!t)
        return -1;
    ouro_hash h = ouro_object_hash(t);
    OURO_DECREF(t);
    return h;
}

static OuroObject *range_repr(OuroObject *op)
{
    RangeObject *r = RANGE(op);
    /* The step shows only when it is not 1. */
    ouro_ssize istep = ouro_number_as_ssize(r->step, NULL);
    if (istep == -1 && ouro_err_occurred())
        return NULL;
    if (istep == 1)
        return ouro_str_from_format("range(%R, %R)", r->start, r->stop);
    return ouro_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static OuroObject *range_reduce(OuroObject *op, OuroObject *unused)
{
    RangeObject *r = RANGE(op);
    OuroObject *args = ouro_tuple_pack(3, r->start, r->stop, r->step);
    if (!args)
        return NULL;
    OuroObject *res = ouro_tuple_pack(2, (OuroObject *)OURO_TYPE(op), args);
    OURO_DECREF(args);
    return res;
}

/* ------------------------------------------------------------------ iterators -- */

/* range_iterator: machine words. Item i is start + i * step; index counts the items
 * produced (so __setstate__ is absolute, as in CPython 3.11). */
typedef struct RangeIter {
    OuroObject ob_base;
    int64_t index, start, step, len;
} RangeIter;

/* longrange_iterator: the same with int objects, for ranges beyond 64 bits. */
typedef struct LongRangeIter {
    OuroObject ob_base;
    OuroObject *index, *start, *step, *len;
} LongRangeIter;

static OuroObject *fast_range_iter(int64_t start, int64_t step, int64_t len)
{
    RangeIter *it = (RangeIter *)ouro_object_alloc(&ou_range_iter_type);
    if (!it)
        return NULL;
    it->index = 0;
    it->start = start;
    it->step = step;
    it->len = len;
    return (OuroObject *)it;
}

/* Steals start, step and len (released on failure too). */
static OuroObject *long_range_iter(OuroObject *start, OuroObject *step, OuroObject *len)
{
    LongRangeIter *it = NULL;
    OuroObject *zero = NULL;
    if (start && step && len && (zero = ouro_int_from_ssize(0)))
        it = (LongRangeIter *)ouro_object_alloc(&ou_longrange_iter_type);
    if (!it) {
        OURO_XDECREF(zero);
        OURO_XDECREF(start);
        OURO_XDECREF(step);
        OURO_XDECREF(len);
        return NULL;
    }
    it->index = zero;
    it->start = start;
    it->step = step;
    it->len = len;
    return (OuroObject *)it;
}

static OuroObject *range_iter(OuroObject *seq)
{
    RangeObject *r = RANGE(seq);
    int64_t lstart, lstop, lstep;
    /* Machine words when start, stop, step and the length fit (CPython's conditions, so
     * the iterator's type matches). */
    if (int_to_i64(r->start, &lstart) && int_to_i64(r->stop, &lstop) &&
        int_to_i64(r->step, &lstep)) {
        uint64_t ulen = len_of_range(lstart, lstop, lstep);
        if (ulen <= (uint64_t)INT64_MAX)
            return fast_range_iter(lstart, lstep, (int64_t)ulen);
    }
    return long_range_iter(OURO_NEWREF(r->start), OURO_NEWREF(r->step), OURO_NEWREF(r->length));
}

/* reversed(range(start, stop, step)) is range(start + (n - 1) * step, start - step,
 * -step): machine words when start, stop, step, -step, start - step and n all fit. */
static OuroObject *range_reversed(OuroObject *seq, OuroObject *unused)
{
    RangeObject *r = RANGE(seq);
    int64_t lstart, lstop, lstep, new_stop;
    if (int_to_i64(r->start, &lstart) && int_to_i64(r->stop, &lstop) &&
        int_to_i64(r->step, &lstep) && lstep != INT64_MIN &&
        !__builtin_sub_overflow(lstart, lstep, &new_stop)) {
        uint64_t ulen = len_of_range(lstart, lstop, lstep);
        if (ulen <= (uint64_t)INT64_MAX) {
            int64_t new_start = (int64_t)((uint64_t)new_stop + ulen * (uint64_t)lstep);
            return fast_range_iter(new_start, -lstep, (int64_t)ulen);
        }
    }
    OuroObject *one = ouro_int_from_ssize(1), *diff = NULL, *product = NULL, *sum = NULL;
    if (one && (diff = ouro_number_subtract(r->length, one)) &&
        (product = ouro_number_multiply(diff, r->step)))
        sum = ouro_number_add(r->start, product);
    OURO_XDECREF(one);
    OURO_XDECREF(diff);
    OURO_XDECREF(product);
    if (!sum)
        return NULL;
    return long_range_iter(sum, ouro_number_negative(r->step), OURO_NEWREF(r->length));
}

static OuroObject *rangeiter_next(OuroObject *op)
{
    RangeIter *it = (RangeIter *)op;
    if (it->index < it->len) {
        /* Unsigned: the product may pass the 64-bit range while the sum lands inside. */
        uint64_t v = (uint64_t)it->start + (uint64_t)(it->index++) * (uint64_t)it->step;
        return ouro_int_from_int64((int64_t)v);
    }
    return NULL;
}

static OuroObject *longrangeiter_next(OuroObject *op)
{
    LongRangeIter *it = (LongRangeIter *)op;
    if (ouro_object_richcompare_bool(it->index, it->len, OURO_LT) != 1)
        return NULL;
    OuroObject *one = ouro_int_from_ssize(1), *new_index = NULL, *product = NULL, *result = NULL;
    if (one && (new_index = ouro_number_add(it->index, one)) &&
        (product = ouro_number_multiply(it->index, it->step)))
        result = ouro_number_add(it->start, product);
    if (result) {
        OURO_SETREF(it->index, new_index);
        new_index = NULL;
    }
    OURO_XDECREF(one);
    OURO_XDECREF(new_index);
    OURO_XDECREF(product);
    return result;
}

static void longrangeiter_dealloc(OuroObject *op)
{
    LongRangeIter *it = (LongRangeIter *)op;
    OURO_XDECREF(it->index);
    OURO_XDECREF(it->start);
    OURO_XDECREF(it->step);
    OURO_XDECREF(it->len);
    ouro_object_free(op);
}

/* len - index of a longrange_iterator. New reference, or NULL. */
static OuroObject *longrangeiter_remaining(LongRangeIter *it)
{
    return ouro_number_subtract(it->len, it->index);
}

ouro_ssize ou_rangeiter_length_hint(OuroObject *op)
{
    if (OURO_IS_TYPE(op, &ou_range_iter_type)) {
        RangeIter *it = (RangeIter *)op;
        return it->len - it->index;
    }
    OuroObject *n = longrangeiter_remaining((LongRangeIter *)op);
    if (!n)
        return -1;
    ouro_ssize r = ouro_int_as_ssize(n);
    OURO_DECREF(n);
    return r;
}

static OuroObject *rangeiter_length_hint(OuroObject *op, OuroObject *unused)
{
    RangeIter *it = (RangeIter *)op;
    return ouro_int_from_int64(it->len - it->index);
}

static OuroObject *longrangeiter_length_hint(OuroObject *op, OuroObject *unused)
{
    return longrangeiter_remaining((LongRangeIter *)op);
}

/* __setstate__(n): continue from item n (absolute), clipped to [0, len]. */
static OuroObject *rangeiter_setstate(OuroObject *op, OuroObject *state)
{
    RangeIter *it = (RangeIter *)op;
    OuroObject *i = ouro_number_index(state);
    if (!i)
        return NULL;
    int64_t index = ouro_int_as_int64(i);
    OURO_DECREF(i);
    if (index == -1 && ouro_err_occurred())
        return NULL;
    if (index < 0)
        index = 0;
    else if (index > it->len)
        index = it->len;
    it->index = index;
    OURO_RETURN_NONE;
}

static OuroObject *longrangeiter_setstate(OuroObject *op, OuroObject *state)
{
    LongRangeIter *it = (LongRangeIter *)op;
    OuroObject *index = ouro_number_index(state);
    if (!index)
        return NULL;
    if (ouro_int_sign(index) < 0) {
        OURO_SETREF(index, ouro_int_from_ssize(0));
        if (!index)
            return NULL;
    } else {
        int cmp = ouro_object_richcompare_bool(it->len, index, OURO_LT);
        if (cmp < 0) {
            OURO_DECREF(index);
            return NULL;
        }
        if (cmp > 0)
            OURO_SETREF(index, OURO_NEWREF(it->len));
    }
    OURO_SETREF(it->index, index);
    OURO_RETURN_NONE;
}

static const OuroMethodDef rangeiter_methods[] = {
    { "__length_hint__", OURO_METH(rangeiter_length_hint), OURO_METH_NOARGS,
      "Private method returning an estimate of len(list(it))." },
    { "__setstate__", OURO_METH(rangeiter_setstate), OURO_METH_O,
      "Set state information for unpickling." },
    { NULL, NULL, 0, NULL },
};

static const OuroMethodDef longrangeiter_methods[] = {
    { "__length_hint__", OURO_METH(longrangeiter_length_hint), OURO_METH_NOARGS,
      "Private method returning an estimate of len(list(it))." },
    { "__setstate__", OURO_METH(longrangeiter_setstate), OURO_METH_O,
      "Set state information for unpickling." },
    { NULL, NULL, 0, NULL },
};

/* ---------------------------------------------------------------------- types -- */

static const OuroMethodDef range_methods[] = {
    { "__reversed__", OURO_METH(range_reversed), OURO_METH_NOARGS, "Return a reverse iterator." },
    { "__reduce__", OURO_METH(range_reduce), OURO_METH_NOARGS, NULL },
    { "count", OURO_METH(range_count), OURO_METH_O,
      "rangeobject.count(value) -> integer -- return number of occurrences of value" },
    { "index", OURO_METH(range_index), OURO_METH_O,
      "rangeobject.index(value) -> integer -- return index of value.\n"
      "Raise ValueError if the value is not present." },
    { NULL, NULL, 0, NULL },
};

static const OuroMemberDef range_members[] = {
    { "start", OURO_MEMBER_OBJECT_EX, offsetof(RangeObject, start), OURO_MEMBER_READONLY, NULL },
    { "stop", OURO_MEMBER_OBJECT_EX, offsetof(RangeObject, stop), OURO_MEMBER_READONLY, NULL },
    { "step", OURO_MEMBER_OBJECT_EX, offsetof(RangeObject, step), OURO_MEMBER_READONLY, NULL },
    { NULL, 0, 0, 0, NULL },
};

static const OuroNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

static const OuroSequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static const OuroMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

/* Not a GC type: a range holds only ints. */
OURO_API OuroType ouro_range_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "range",
    .tp_basicsize = sizeof(RangeObject),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_hash = range_hash,
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_new = range_new,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement).",
};

OuroType ou_range_iter_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(RangeIter),
    .tp_dealloc = ouro_object_free,
    .tp_iter = ou_object_self_iter,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

OuroType ou_longrange_iter_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(LongRangeIter),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_iter = ou_object_self_iter,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};
