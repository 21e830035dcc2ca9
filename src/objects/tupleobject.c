/* src/objects/tupleobject.c — tuple: an immutable sequence whose items live inline after
 * the header, and its iterator. The empty tuple is one static immortal object. Layout,
 * hashing and tracking rules: docs/internals/objects.md (tuple). */
#include "sequence.h"
#include <string.h>

/* The empty tuple: static and immortal, with the GC header every instance of a GC type
 * has in front of it (never tracked). */
static struct {
    OuGCHead gc;
    OuroTuple t;
} empty_tuple = {
    { 0, 0 },
    { OURO_STATIC_HEAD(OU_TID_ouro_tuple_type), 0 },
};
#define EMPTY_TUPLE ((OuroObject *)&empty_tuple.t)

#define TUPLE_MAX_ITEMS \
    ((OURO_SSIZE_MAX - (ouro_ssize)sizeof(OuroTuple)) / (ouro_ssize)sizeof(OuroObject *))

/* ------------------------------------------------------------------ free lists -- */

/* Exact tuples of 1..OU_TUPLE_MAXSAVESIZE items are kept on per-size free lists in the
 * runtime's state when they die, and reused, as CPython 3.11 does. As there, the lists
 * bypass the collector's accounting: a reused tuple is not counted as a GC allocation
 * (no ou_gc_note_alloc, so it never triggers a collection) and a saved one not as a
 * deallocation (no ou_gc_note_dealloc), which gc.get_count() shows. Saved tuples stay
 * allocator blocks in use: the memory statistics count them until a full collection or
 * teardown frees them (docs/internals/objects.md, tuple). */

/* Takes a tuple of n items (1 <= n < OU_TUPLE_MAXSAVESIZE) off the free list, made as
 * new: count 1, bare type id (no flag bits left from its last life), GC links zero,
 * items NULL; not yet tracked. Returns: new reference, or NULL when the list is empty
 * (no exception set). */
static OuroObject *freelist_pop(ouro_ssize n)
{
    OuObjState *st = ou_current.objs;
    OuroObject *op = st->tuple_free[n - 1];
    if (!op)
        return NULL;
    OuroObject **items = OURO_TUPLE_ITEMS(op);
    st->tuple_free[n - 1] = items[0];
    st->tuple_numfree[n - 1]--;
    for (ouro_ssize i = 0; i < n; i++) /* n is small: no call to memset */
        items[i] = NULL;
    *ou_gc_head(op) = (OuGCHead){ 0, 0 };
    op->ob_refcnt = 1;
    op->ob_tinfo = OU_TID_ouro_tuple_type;
    OU_ASSERT(OURO_TUPLE_SIZE(op) == n);
    return op;
}

/* Saves a dead, untracked tuple whose items were released on its size's free list.
 * Returns 1 if it was saved, 0 if the caller must free it (not an exact tuple, too big,
 * the list is full, or the runtime is being torn down). */
static int freelist_push(OuroObject *op)
{
    ouro_ssize n = OURO_TUPLE_SIZE(op);
    if (n < 1 || n > OU_TUPLE_MAXSAVESIZE ||
        (op->ob_tinfo & OURO_TID_MASK) != OU_TID_ouro_tuple_type)
        return 0;
    OuObjState *st = ou_current.objs;
    if (st->tuple_numfree[n - 1] >= OU_TUPLE_MAXFREELIST || st->tuple_free_closed)
        return 0;
    OURO_TUPLE_ITEMS(op)[0] = st->tuple_free[n - 1];
    st->tuple_free[n - 1] = op;
    st->tuple_numfree[n - 1]++;
    return 1;
}

void ou_tuple_clear_freelists(OuObjState *st)
{
    for (int i = 0; i < OU_TUPLE_MAXSAVESIZE; i++) {
        while (st->tuple_free[i]) {
            OuroObject *op = st->tuple_free[i];
            st->tuple_free[i] = OURO_TUPLE_GET(op, 0);
            ouro_object_free(op);
        }
        st->tuple_numfree[i] = 0;
    }
}

/* A new exact tuple with n >= 1 NULL slots, tracked at once: traverse skips NULL slots, so
 * callers cannot forget to track (as CPython's PyTuple_New). From the free list when it
 * has one. As CPython 3.11 (`size < PyTuple_MAXSAVESIZE` in maybe_freelist_pop), 20-item
 * tuples are saved but never taken back: gc.get_count() then moves as python3's does.
 * Returns: new reference, or NULL with MemoryError. */
static OuroObject *tuple_alloc(ouro_ssize n)
{
    OuroObject *op = n < OU_TUPLE_MAXSAVESIZE ? freelist_pop(n) : NULL;
    if (!op) {
        if (n > TUPLE_MAX_ITEMS)
            return ouro_err_no_memory();
        op = ouro_object_alloc_var(&ouro_tuple_type, n);
        if (!op)
            return NULL;
        ((OuroTuple *)op)->ob_size = n;
    }
    ouro_gc_track(op);
    return op;
}

OURO_API OuroObject *ouro_tuple_new(ouro_ssize n)
{
    if (n < 0)
        return ouro_err_bad_internal_call("ouro_tuple_new");
    if (n == 0)
        return EMPTY_TUPLE;
    return tuple_alloc(n);
}

OURO_API OuroObject *ouro_tuple_from_array(OuroObject *const *items, ouro_ssize n)
{
    OuroObject *t = ouro_tuple_new(n);
    if (!t)
        return NULL;
    for (ouro_ssize i = 0; i < n; i++)
        OURO_TUPLE_SET(t, i, OURO_NEWREF(items[i]));
    return t;
}

OURO_API OuroObject *ouro_tuple_pack(ouro_ssize n, ...)
{
    OuroObject *t = ouro_tuple_new(n);
    if (!t)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (ouro_ssize i = 0; i < n; i++)
        OURO_TUPLE_SET(t, i, OURO_NEWREF(va_arg(ap, OuroObject *)));
    va_end(ap);
    return t;
}

OURO_API ouro_ssize ouro_tuple_size(OuroObject *t)
{
    if (!ouro_tuple_check(t)) {
        ouro_err_bad_internal_call("ouro_tuple_size");
        return -1;
    }
    return OURO_TUPLE_SIZE(t);
}

OURO_API OuroObject *ouro_tuple_get_item(OuroObject *t, ouro_ssize i)
{
    if (!ouro_tuple_check(t))
        return ouro_err_bad_internal_call("ouro_tuple_get_item");
    if ((uint64_t)i >= (uint64_t)OURO_TUPLE_SIZE(t)) {
        ouro_err_set_string(&ouro_exc_IndexError, "tuple index out of range");
        return NULL;
    }
    return OURO_TUPLE_GET(t, i);
}

/* t[lo:hi] with lo <= hi already inside [0, len]. Returns: new reference, or NULL. */
static OuroObject *tuple_slice(OuroObject *t, ouro_ssize lo, ouro_ssize hi)
{
    if (lo == 0 && hi == OURO_TUPLE_SIZE(t) && ouro_tuple_check_exact(t))
        return OURO_NEWREF(t);
    return ouro_tuple_from_array(OURO_TUPLE_ITEMS(t) + lo, hi - lo);
}

OURO_API OuroObject *ouro_tuple_get_slice(OuroObject *t, ouro_ssize lo, ouro_ssize hi)
{
    if (!ouro_tuple_check(t))
        return ouro_err_bad_internal_call("ouro_tuple_get_slice");
    ouro_ssize n = OURO_TUPLE_SIZE(t);
    if (lo < 0)
        lo = 0;
    if (hi > n)
        hi = n;
    if (hi < lo)
        hi = lo;
    return tuple_slice(t, lo, hi);
}

/* Untracks t when nothing in it can be part of a cycle (every item is atomic, or an
 * untracked tuple), as CPython's _PyTuple_MaybeUntrack; the collector calls this on the
 * tuples it examines. Never fails. */
void ou_tuple_maybe_untrack(OuroObject *t)
{
    if (!ou_gc_is_tracked(t))
        return;
    for (ouro_ssize i = OURO_TUPLE_SIZE(t); --i >= 0;) {
        OuroObject *e = OURO_TUPLE_GET(t, i);
        /* A NULL slot means the tuple is still being filled: it may get anything. */
        if (!e)
            return;
        if (ou_type_is_gc(OURO_TYPE(e)) && (!ouro_tuple_check_exact(e) || ou_gc_is_tracked(e)))
            return;
    }
    ouro_gc_untrack(t);
}

/* ------------------------------------------------------- dealloc, traverse, clear -- */

/* Also the base dealloc of tuple subclasses (subtype_dealloc): only exact tuples are
 * saved on the free lists. */
static void tuple_dealloc(OuroObject *op)
{
    ouro_gc_untrack(op);
    /* Last to first, as CPython: the order in which a chain's items are released. */
    for (ouro_ssize i = OURO_TUPLE_SIZE(op); --i >= 0;)
        OURO_XDECREF(OURO_TUPLE_GET(op, i));
    if (!freelist_push(op))
        ouro_object_free(op);
}

static int tuple_traverse(OuroObject *op, ouro_visitproc visit, void *arg)
{
    for (ouro_ssize i = OURO_TUPLE_SIZE(op); --i >= 0;) {
        OuroObject *e = OURO_TUPLE_GET(op, i);
        if (e) {
            int r = visit(e, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

/* No tp_clear, as in CPython: a tuple is immutable, so every cycle through one also runs
 * through a mutable container whose clear breaks it; clearing tuples would only leave
 * NULL holes for repr and comparison to trip on. */

/* ----------------------------------------------------------------- the protocol -- */

static OuroObject *tuple_repr(OuroObject *op)
{
    ouro_ssize n = OURO_TUPLE_SIZE(op);
    if (n == 0)
        return ouro_str_from_cstr("()");
    /* A tuple can reach itself only through a mutable object; still guard it. */
    int rc = ou_repr_enter(op);
    if (rc != 0)
        return rc > 0 ? ouro_str_from_cstr("(...)") : NULL;
    OuStrBuf b;
    ou_strbuf_init(&b);
    ou_strbuf_append_char(&b, '(');
    for (ouro_ssize i = 0; i < n; i++) {
        if (i > 0)
            ou_strbuf_append(&b, ", ", 2);
        if (ou_strbuf_append_repr(&b, OURO_TUPLE_GET(op, i)) < 0) {
            ou_strbuf_discard(&b);
            ou_repr_leave(op);
            return NULL;
        }
    }
    if (n == 1)
        ou_strbuf_append_char(&b, ',');
    ou_strbuf_append_char(&b, ')');
    ou_repr_leave(op);
    return ou_strbuf_finish(&b);
}

/* CPython 3.8+'s tuple hash: a simplified xxHash over the items' hashes (64-bit lanes),
 * so hash((1, 2)) equals python3's. */
#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static ouro_hash tuple_hash(OuroObject *op)
{
    ouro_ssize n = OURO_TUPLE_SIZE(op);
    uint64_t acc = XXPRIME_5;
    /* hash() of a deeply nested tuple recurses through the items' hashes. */
    if (ou_enter_recursive_call(" while hashing a tuple") < 0)
        return -1;
    for (ouro_ssize i = 0; i < n; i++) {
        uint64_t lane = (uint64_t)ouro_object_hash(OURO_TUPLE_GET(op, i));
        if (lane == (uint64_t)-1) {
            ou_leave_recursive_call();
            return -1;
        }
        acc += lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    ou_leave_recursive_call();
    /* The length, mangled to keep the historical value of hash(()). */
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (ouro_hash)acc;
}

static OuroObject *bool_result(int v)
{
    return OURO_NEWREF(v ? OURO_TRUE : OURO_FALSE);
}

/* Compares two C sizes with a rich-comparison operator. Returns: new reference. */
static OuroObject *compare_sizes(ouro_ssize a, ouro_ssize b, int op)
{
    switch (op) {
    case OURO_LT: return bool_result(a < b);
    case OURO_LE: return bool_result(a <= b);
    case OURO_EQ: return bool_result(a == b);
    case OURO_NE: return bool_result(a != b);
    case OURO_GT: return bool_result(a > b);
    default:      return bool_result(a >= b);
    }
}

/* Lexicographic: the first pair of items that differ (identity implies equality) decides;
 * when one tuple is a prefix of the other, the lengths do. */
static OuroObject *tuple_richcompare(OuroObject *v, OuroObject *w, int op)
{
    if (!ouro_tuple_check(v) || !ouro_tuple_check(w))
        OURO_RETURN_NOTIMPLEMENTED;
    ouro_ssize vlen = OURO_TUPLE_SIZE(v), wlen = OURO_TUPLE_SIZE(w), i;
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = ouro_object_richcompare_bool(OURO_TUPLE_GET(v, i), OURO_TUPLE_GET(w, i), OURO_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen)
        return compare_sizes(vlen, wlen, op);
    if (op == OURO_EQ)
        return bool_result(0);
    if (op == OURO_NE)
        return bool_result(1);
    return ouro_object_richcompare(OURO_TUPLE_GET(v, i), OURO_TUPLE_GET(w, i), op);
}

static ouro_ssize tuple_length(OuroObject *op)
{
    return OURO_TUPLE_SIZE(op);
}

static int tuple_contains(OuroObject *op, OuroObject *el)
{
    int cmp = 0;
    for (ouro_ssize i = 0; cmp == 0 && i < OURO_TUPLE_SIZE(op); i++)
        cmp = ouro_object_richcompare_bool(OURO_TUPLE_GET(op, i), el, OURO_EQ);
    return cmp;
}

static OuroObject *tuple_item(OuroObject *op, ouro_ssize i)
{
    if ((uint64_t)i >= (uint64_t)OURO_TUPLE_SIZE(op)) {
        ouro_err_set_string(&ouro_exc_IndexError, "tuple index out of range");
        return NULL;
    }
    return OURO_NEWREF(OURO_TUPLE_GET(op, i));
}

static OuroObject *tuple_concat(OuroObject *a, OuroObject *bb)
{
    if (!ouro_tuple_check(bb))
        return ouro_err_format(&ouro_exc_TypeError,
                               "can only concatenate tuple (not \"%s\") to tuple",
                               OURO_TYPE_NAME(bb));
    ouro_ssize na = OURO_TUPLE_SIZE(a), nb = OURO_TUPLE_SIZE(bb);
    if (nb == 0 && ouro_tuple_check_exact(a))
        return OURO_NEWREF(a);
    if (na == 0 && ouro_tuple_check_exact(bb))
        return OURO_NEWREF(bb);
    if (na > TUPLE_MAX_ITEMS - nb)
        return ouro_err_no_memory();
    OuroObject *r = ouro_tuple_new(na + nb);
    if (!r)
        return NULL;
    for (ouro_ssize i = 0; i < na; i++)
        OURO_TUPLE_SET(r, i, OURO_NEWREF(OURO_TUPLE_GET(a, i)));
    for (ouro_ssize i = 0; i < nb; i++)
        OURO_TUPLE_SET(r, na + i, OURO_NEWREF(OURO_TUPLE_GET(bb, i)));
    return r;
}

static OuroObject *tuple_repeat(OuroObject *a, ouro_ssize n)
{
    ouro_ssize size = OURO_TUPLE_SIZE(a);
    if (size == 0 || n == 1) {
        if (ouro_tuple_check_exact(a))
            return OURO_NEWREF(a);
        if (size == 0)
            return EMPTY_TUPLE;
    }
    if (n <= 0)
        return EMPTY_TUPLE;
    if (size > TUPLE_MAX_ITEMS / n)
        return ouro_err_no_memory();
    OuroObject *r = ouro_tuple_new(size * n);
    if (!r)
        return NULL;
    OuroObject **src = OURO_TUPLE_ITEMS(a), **dst = OURO_TUPLE_ITEMS(r);
    for (ouro_ssize j = 0; j < size; j++)
        ou_incref_n(src[j], n);
    for (ouro_ssize k = 0; k < n; k++, dst += size)
        memcpy(dst, src, (size_t)size * sizeof(OuroObject *));
    return r;
}

static OuroObject *tuple_subscript(OuroObject *op, OuroObject *item)
{
    if (ou_index_check(item)) {
        ouro_ssize i = ouro_number_as_ssize(item, &ouro_exc_IndexError);
        if (i == -1 && ouro_err_occurred())
            return NULL;
        if (i < 0)
            i += OURO_TUPLE_SIZE(op);
        return tuple_item(op, i);
    }
    if (ouro_slice_check(item)) {
        ouro_ssize start, stop, step;
        ouro_ssize n = ouro_slice_unpack_indices(item, OURO_TUPLE_SIZE(op), &start, &stop, &step);
        if (n < 0)
            return NULL;
        if (n == 0)
            return EMPTY_TUPLE;
        if (step == 1)
            return tuple_slice(op, start, stop);
        OuroObject *r = ouro_tuple_new(n);
        if (!r)
            return NULL;
        for (ouro_ssize i = 0, cur = start; i < n; i++, cur += step)
            OURO_TUPLE_SET(r, i, OURO_NEWREF(OURO_TUPLE_GET(op, cur)));
        return r;
    }
    return ouro_err_format(&ouro_exc_TypeError, "tuple indices must be integers or slices, not %s",
                           OURO_TYPE_NAME(item));
}

/* tuple(iterable) for tuple itself: an exact tuple is returned as is. */
static OuroObject *tuple_from_iterable(OuroObject *iterable)
{
    if (!iterable)
        return EMPTY_TUPLE;
    return ouro_sequence_tuple(iterable);
}

/* tuple(iterable) for a subclass: built as a tuple, then copied into an instance of the
 * subclass (whose layout may add fields after the items). */
static OuroObject *tuple_subtype_new(OuroType *type, OuroObject *iterable)
{
    OuroObject *tmp = tuple_from_iterable(iterable);
    if (!tmp)
        return NULL;
    ouro_ssize n = OURO_TUPLE_SIZE(tmp);
    OuroObject *r = ouro_object_alloc_var(type, n);
    if (r) {
        ((OuroTuple *)r)->ob_size = n;
        for (ouro_ssize i = 0; i < n; i++)
            OURO_TUPLE_SET(r, i, OURO_NEWREF(OURO_TUPLE_GET(tmp, i)));
        if (ou_type_is_gc(type))
            ouro_gc_track(r);
    }
    OURO_DECREF(tmp);
    return r;
}

static OuroObject *tuple_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    if (kwargs && ouro_dict_size(kwargs) > 0)
        return ouro_err_format(&ouro_exc_TypeError, "tuple() takes no keyword arguments");
    ouro_ssize nargs = args ? OURO_TUPLE_SIZE(args) : 0;
    if (nargs > 1)
        return ouro_err_format(&ouro_exc_TypeError, "tuple expected at most 1 argument, got %zd",
                               nargs);
    OuroObject *iterable = nargs ? OURO_TUPLE_GET(args, 0) : NULL;
    if (type != &ouro_tuple_type)
        return tuple_subtype_new(type, iterable);
    return tuple_from_iterable(iterable);
}

/* -------------------------------------------------------------------- methods -- */

/* tuple.index(value, start=0, stop=sys.maxsize) */
static OuroObject *tuple_index(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize start = 0, stop = OURO_SSIZE_MAX, n = OURO_TUPLE_SIZE(self);
    if (nargs < 1)
        return ouro_err_format(&ouro_exc_TypeError, "index expected at least 1 argument, got %zd",
                               nargs);
    if (nargs > 3)
        return ouro_err_format(&ouro_exc_TypeError, "index expected at most 3 arguments, got %zd",
                               nargs);
    if (nargs >= 2 && ou_slice_index_not_none(args[1], &start) < 0)
        return NULL;
    if (nargs >= 3 && ou_slice_index_not_none(args[2], &stop) < 0)
        return NULL;
    if (start < 0) {
        start += n;
        if (start < 0)
            start = 0;
    }
    if (stop < 0)
        stop += n;
    else if (stop > n)
        stop = n;
    for (ouro_ssize i = start; i < stop; i++) {
        int cmp = ouro_object_richcompare_bool(OURO_TUPLE_GET(self, i), args[0], OURO_EQ);
        if (cmp > 0)
            return ouro_int_from_ssize(i);
        if (cmp < 0)
            return NULL;
    }
    ouro_err_set_string(&ouro_exc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static OuroObject *tuple_count(OuroObject *self, OuroObject *value)
{
    ouro_ssize count = 0;
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(self); i++) {
        int cmp = ouro_object_richcompare_bool(OURO_TUPLE_GET(self, i), value, OURO_EQ);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return ouro_int_from_ssize(count);
}

/* __getnewargs__: (tuple(self),), for copy and pickle of subclasses. */
static OuroObject *tuple_getnewargs(OuroObject *self, OuroObject *unused)
{
    OuroObject *v = tuple_slice(self, 0, OURO_TUPLE_SIZE(self));
    if (!v)
        return NULL;
    OuroObject *r = ouro_tuple_pack(1, v);
    OURO_DECREF(v);
    return r;
}

static const OuroMethodDef tuple_methods[] = {
    { "__getnewargs__", OURO_METH(tuple_getnewargs), OURO_METH_NOARGS, NULL },
    { "index", OURO_METH(tuple_index), OURO_METH_FASTCALL,
      "Return first index of value.\n\nRaises ValueError if the value is not present." },
    { "count", OURO_METH(tuple_count), OURO_METH_O, "Return number of occurrences of value." },
    { NULL, NULL, 0, NULL },
};

/* ------------------------------------------------------------------- iterator -- */

typedef struct TupleIter {
    OuroObject ob_base;
    ouro_ssize it_index;
    OuroObject *it_seq; /* the tuple; NULL once exhausted */
} TupleIter;

static OuroObject *tuple_iter(OuroObject *seq)
{
    TupleIter *it = (TupleIter *)ouro_object_alloc(&ou_tuple_iter_type);
    if (!it)
        return NULL;
    it->it_index = 0;
    it->it_seq = OURO_NEWREF(seq);
    ouro_gc_track((OuroObject *)it);
    return (OuroObject *)it;
}

static void tupleiter_dealloc(OuroObject *op)
{
    ouro_gc_untrack(op);
    OURO_XDECREF(((TupleIter *)op)->it_seq);
    ouro_object_free(op);
}

static int tupleiter_traverse(OuroObject *op, ouro_visitproc visit, void *arg)
{
    OuroObject *seq = ((TupleIter *)op)->it_seq;
    return seq ? visit(seq, arg) : 0;
}

static int tupleiter_clear(OuroObject *op)
{
    OURO_CLEAR(((TupleIter *)op)->it_seq);
    return 0;
}

static OuroObject *tupleiter_next(OuroObject *op)
{
    TupleIter *it = (TupleIter *)op;
    OuroObject *seq = it->it_seq;
    if (!seq)
        return NULL;
    if (it->it_index < OURO_TUPLE_SIZE(seq))
        return OURO_NEWREF(OURO_TUPLE_GET(seq, it->it_index++));
    it->it_seq = NULL;
    OURO_DECREF(seq);
    return NULL;
}

static OuroObject *tupleiter_length_hint(OuroObject *op, OuroObject *unused)
{
    TupleIter *it = (TupleIter *)op;
    ouro_ssize len = it->it_seq ? OURO_TUPLE_SIZE(it->it_seq) - it->it_index : 0;
    return ouro_int_from_ssize(len);
}

static OuroObject *tupleiter_setstate(OuroObject *op, OuroObject *state)
{
    TupleIter *it = (TupleIter *)op;
    ouro_ssize index = ouro_number_as_ssize(state, NULL);
    if (index == -1 && ouro_err_occurred())
        return NULL;
    if (it->it_seq) {
        if (index < 0)
            index = 0;
        else if (index > OURO_TUPLE_SIZE(it->it_seq))
            index = OURO_TUPLE_SIZE(it->it_seq);
        it->it_index = index;
    }
    OURO_RETURN_NONE;
}

static const OuroMethodDef tupleiter_methods[] = {
    { "__length_hint__", OURO_METH(tupleiter_length_hint), OURO_METH_NOARGS,
      "Private method returning an estimate of len(list(it))." },
    { "__setstate__", OURO_METH(tupleiter_setstate), OURO_METH_O,
      "Set state information for unpickling." },
    { NULL, NULL, 0, NULL },
};

ouro_ssize ou_tupleiter_length_hint(OuroObject *op)
{
    TupleIter *it = (TupleIter *)op;
    return it->it_seq ? OURO_TUPLE_SIZE(it->it_seq) - it->it_index : 0;
}

/* ---------------------------------------------------------------------- types -- */

static const OuroSequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static const OuroMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

OURO_API OuroType ouro_tuple_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "tuple",
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_TUPLE_SUBCLASS | OURO_TPFLAG_BASETYPE,
    .tp_basicsize = sizeof(OuroTuple),
    .tp_itemsize = sizeof(OuroObject *),
    .tp_dealloc = tuple_dealloc,
    .tp_traverse = tuple_traverse,
    .tp_repr = tuple_repr,
    .tp_hash = tuple_hash,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_new = tuple_new,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_methods = tuple_methods,
    .tp_doc = "Built-in immutable sequence.",
};

OuroType ou_tuple_iter_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "tuple_iterator",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(TupleIter),
    .tp_dealloc = tupleiter_dealloc,
    .tp_traverse = tupleiter_traverse,
    .tp_clear = tupleiter_clear,
    .tp_iter = ou_object_self_iter,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};
