/* src/objects/listobject.c — list: a resizable array of references kept apart from the
 * object (ob_item from ou_mem_alloc), CPython's over-allocation policy, and the list
 * iterators. The sort kernel is in listsort.c. Notes: docs/internals/objects.md (list).
 *
 * Reentrancy rule: any DECREF may run a __del__ that looks at or mutates this list, so
 * every mutation first brings the list to a consistent state (items stored, size set)
 * and drops the old references last. */
#include "sequence.h"
#include <string.h>

#define LIST_MAX_ITEMS (OURO_SSIZE_MAX / (ouro_ssize)sizeof(OuroObject *))

static OuroObject *list_extend_method(OuroObject *self, OuroObject *iterable);
static int list_ass_slice(OuroList *a, ouro_ssize ilow, ouro_ssize ihigh, OuroObject *v);

/* --------------------------------------------------------------------- helpers -- */

void ou_incref_n(OuroObject *o, ouro_ssize n)
{
    if (ouro_is_immortal(o))
        return;
    uint64_t c = (uint64_t)o->ob_refcnt + (uint64_t)n;
    o->ob_refcnt = c >= 0x80000000u ? OURO_IMMORTAL_REFCNT : (uint32_t)c;
}

static OuroObject *bool_result(int v)
{
    return OURO_NEWREF(v ? OURO_TRUE : OURO_FALSE);
}

/* An argument converted like a Py_ssize_t parameter of CPython's argument clinic:
 * through __index__, OverflowError when it does not fit. 0, or -1 with an exception. */
static int arg_as_ssize(OuroObject *o, ouro_ssize *out)
{
    OuroObject *i = ouro_number_index(o);
    if (!i)
        return -1;
    ouro_ssize v = ouro_int_as_ssize(i);
    OURO_DECREF(i);
    if (v == -1 && ouro_err_occurred())
        return -1;
    *out = v;
    return 0;
}

/* ---------------------------------------------------------------- the item array -- */

/* Sets the size to newsize, reallocating when it no longer fits or when the list would
 * use less than half of its array. Growth over-allocates by about 1/8 plus 6, rounded
 * to 4 (CPython's policy, so capacities match sys.getsizeof); a jump far beyond the
 * current size allocates just enough. New slots are not initialized. Shrinking never
 * fails: if the allocator cannot move the block, the list keeps the bigger one.
 * 0, or -1 with MemoryError (the list unchanged). */
static int list_resize(OuroList *self, ouro_ssize newsize)
{
    ouro_ssize allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        self->ob_size = newsize;
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - self->ob_size > (ouro_ssize)(new_allocated - (size_t)newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_allocated = 0;
    OuroObject **items = NULL;
    if (new_allocated <= (size_t)LIST_MAX_ITEMS) {
        /* An empty list keeps a block (as CPython's realloc to 0 bytes does): whether
         * ob_item is NULL decides how a later extend() preallocates. */
        size_t nbytes = new_allocated ? new_allocated * sizeof(OuroObject *) : 1;
        items = ou_mem_realloc(self->ob_item, nbytes);
    }
    if (!items) {
        if (self->ob_item && newsize <= allocated) {
            self->ob_size = newsize;
            return 0;
        }
        ouro_err_no_memory();
        return -1;
    }
    self->ob_item = items;
    self->ob_size = newsize;
    self->allocated = (ouro_ssize)new_allocated;
    return 0;
}

/* Gives an empty list with no array room for exactly size items (rounded up to even:
 * the allocator's granularity makes the odd slot free). 0, or -1 with MemoryError. */
static int list_preallocate_exact(OuroList *self, ouro_ssize size)
{
    OU_ASSERT(self->ob_item == NULL && size > 0);
    size = (size + 1) & ~(ouro_ssize)1;
    if (size > LIST_MAX_ITEMS) {
        ouro_err_no_memory();
        return -1;
    }
    OuroObject **items = ou_mem_alloc((size_t)size * sizeof(OuroObject *));
    if (!items) {
        ouro_err_no_memory();
        return -1;
    }
    self->ob_item = items;
    self->allocated = size;
    return 0;
}

/* A new empty list with room for exactly size items. Returns: new reference, or NULL. */
static OuroObject *list_new_prealloc(ouro_ssize size)
{
    OuroList *op = (OuroList *)ouro_list_new(0);
    if (!op || size == 0)
        return (OuroObject *)op;
    if (size > LIST_MAX_ITEMS ||
        !(op->ob_item = ou_mem_alloc((size_t)size * sizeof(OuroObject *)))) {
        OURO_DECREF(op);
        return ouro_err_no_memory();
    }
    op->allocated = size;
    return (OuroObject *)op;
}

/* Empties the list: detaches the array first, so the DECREFs (which may run code that
 * uses the list) see an empty, consistent list. Never fails. */
static void list_clear_items(OuroList *a)
{
    OuroObject **item = a->ob_item;
    if (item) {
        ouro_ssize i = a->ob_size;
        a->ob_size = 0;
        a->ob_item = NULL;
        a->allocated = 0;
        while (--i >= 0)
            OURO_XDECREF(item[i]);
        ou_mem_free(item);
    }
}

/* ------------------------------------------------------------------ public API -- */

OURO_API OuroObject *ouro_list_new(ouro_ssize n)
{
    if (n < 0)
        return ouro_err_bad_internal_call("ouro_list_new");
    if (n > LIST_MAX_ITEMS)
        return ouro_err_no_memory();
    OuroList *op = (OuroList *)ouro_object_alloc(&ouro_list_type);
    if (!op)
        return NULL;
    if (n > 0) {
        op->ob_item = ou_mem_alloc((size_t)n * sizeof(OuroObject *));
        if (!op->ob_item) {
            ouro_object_free((OuroObject *)op);
            return ouro_err_no_memory();
        }
        memset(op->ob_item, 0, (size_t)n * sizeof(OuroObject *));
    }
    op->ob_size = n;
    op->allocated = n;
    /* Tracked at once with NULL slots: traverse skips them (as CPython's PyList_New). */
    ouro_gc_track((OuroObject *)op);
    return (OuroObject *)op;
}

OURO_API ouro_ssize ouro_list_size(OuroObject *l)
{
    if (!ouro_list_check(l)) {
        ouro_err_bad_internal_call("ouro_list_size");
        return -1;
    }
    return OURO_LIST_SIZE(l);
}

OURO_API OuroObject *ouro_list_get_item(OuroObject *l, ouro_ssize i)
{
    if (!ouro_list_check(l))
        return ouro_err_bad_internal_call("ouro_list_get_item");
    if ((uint64_t)i >= (uint64_t)OURO_LIST_SIZE(l)) {
        ouro_err_set_string(&ouro_exc_IndexError, "list index out of range");
        return NULL;
    }
    return OURO_LIST_GET(l, i);
}

OURO_API int ouro_list_set_item(OuroObject *l, ouro_ssize i, OuroObject *v)
{
    if (!ouro_list_check(l)) {
        OURO_XDECREF(v);
        ouro_err_bad_internal_call("ouro_list_set_item");
        return -1;
    }
    if ((uint64_t)i >= (uint64_t)OURO_LIST_SIZE(l)) {
        OURO_XDECREF(v);
        ouro_err_set_string(&ouro_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    OURO_SETREF(((OuroList *)l)->ob_item[i], v);
    return 0;
}

/* Inserts v (borrowed) before index where (clamped as list.insert does). 0 / -1. */
static int ins1(OuroList *self, ouro_ssize where, OuroObject *v)
{
    ouro_ssize n = self->ob_size;
    if (list_resize(self, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    OuroObject **items = self->ob_item;
    memmove(&items[where + 1], &items[where], (size_t)(n - where) * sizeof(OuroObject *));
    items[where] = OURO_NEWREF(v);
    return 0;
}

OURO_API int ouro_list_insert(OuroObject *l, ouro_ssize i, OuroObject *v)
{
    if (!ouro_list_check(l) || !v) {
        ouro_err_bad_internal_call("ouro_list_insert");
        return -1;
    }
    return ins1((OuroList *)l, i, v);
}

/* Appends v; steals it, even on failure. 0 / -1. */
static int list_append_steal(OuroList *self, OuroObject *v)
{
    ouro_ssize n = self->ob_size;
    if (OU_LIKELY(n < self->allocated)) {
        self->ob_item[n] = v;
        self->ob_size = n + 1;
        return 0;
    }
    if (list_resize(self, n + 1) < 0) {
        OURO_DECREF(v);
        return -1;
    }
    self->ob_item[n] = v;
    return 0;
}

OURO_API int ouro_list_append(OuroObject *l, OuroObject *v)
{
    if (!ouro_list_check(l) || !v) {
        ouro_err_bad_internal_call("ouro_list_append");
        return -1;
    }
    return list_append_steal((OuroList *)l, OURO_NEWREF(v));
}

/* a[ilow:ihigh] with 0 <= ilow, ihigh <= len. Returns: new reference, or NULL. */
static OuroObject *list_slice(OuroList *a, ouro_ssize ilow, ouro_ssize ihigh)
{
    ouro_ssize len = ihigh - ilow;
    if (len <= 0)
        return ouro_list_new(0);
    OuroList *np = (OuroList *)list_new_prealloc(len);
    if (!np)
        return NULL;
    OuroObject **src = a->ob_item + ilow, **dest = np->ob_item;
    for (ouro_ssize i = 0; i < len; i++)
        dest[i] = OURO_NEWREF(src[i]);
    np->ob_size = len;
    return (OuroObject *)np;
}

OURO_API OuroObject *ouro_list_get_slice(OuroObject *l, ouro_ssize lo, ouro_ssize hi)
{
    if (!ouro_list_check(l))
        return ouro_err_bad_internal_call("ouro_list_get_slice");
    ouro_ssize n = OURO_LIST_SIZE(l);
    if (lo < 0)
        lo = 0;
    else if (lo > n)
        lo = n;
    if (hi < lo)
        hi = lo;
    else if (hi > n)
        hi = n;
    return list_slice((OuroList *)l, lo, hi);
}

OURO_API int ouro_list_set_slice(OuroObject *l, ouro_ssize lo, ouro_ssize hi, OuroObject *v)
{
    if (!ouro_list_check(l)) {
        ouro_err_bad_internal_call("ouro_list_set_slice");
        return -1;
    }
    return list_ass_slice((OuroList *)l, lo, hi, v);
}

OURO_API int ouro_list_extend(OuroObject *l, OuroObject *iterable)
{
    if (!ouro_list_check(l)) {
        ouro_err_bad_internal_call("ouro_list_extend");
        return -1;
    }
    OuroObject *r = list_extend_method(l, iterable);
    if (!r)
        return -1;
    OURO_DECREF(r);
    return 0;
}

/* Removes and returns a[index] for an index already known to be valid. */
static OuroObject *list_pop_at(OuroList *self, ouro_ssize index)
{
    OuroObject *v = self->ob_item[index];
    if (index == self->ob_size - 1) {
        /* The list's reference becomes the caller's; shrinking cannot fail. */
        list_resize(self, self->ob_size - 1);
        return v;
    }
    OURO_INCREF(v);
    if (list_ass_slice(self, index, index + 1, NULL) < 0) {
        OURO_DECREF(v);
        return NULL;
    }
    return v;
}

/* pop(index) with CPython's errors; index may be negative. */
static OuroObject *list_pop_index(OuroList *self, ouro_ssize index)
{
    if (self->ob_size == 0) {
        ouro_err_set_string(&ouro_exc_IndexError, "pop from empty list");
        return NULL;
    }
    if (index < 0)
        index += self->ob_size;
    if ((uint64_t)index >= (uint64_t)self->ob_size) {
        ouro_err_set_string(&ouro_exc_IndexError, "pop index out of range");
        return NULL;
    }
    return list_pop_at(self, index);
}

OURO_API OuroObject *ouro_list_pop(OuroObject *l, ouro_ssize i)
{
    if (!ouro_list_check(l))
        return ouro_err_bad_internal_call("ouro_list_pop");
    return list_pop_index((OuroList *)l, i);
}

static void reverse_items(OuroObject **lo, OuroObject **hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        OuroObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

OURO_API int ouro_list_reverse(OuroObject *l)
{
    if (!ouro_list_check(l)) {
        ouro_err_bad_internal_call("ouro_list_reverse");
        return -1;
    }
    OuroList *self = (OuroList *)l;
    if (self->ob_size > 1)
        reverse_items(self->ob_item, self->ob_item + self->ob_size);
    return 0;
}

OURO_API OuroObject *ouro_list_as_tuple(OuroObject *l)
{
    if (!ouro_list_check(l))
        return ouro_err_bad_internal_call("ouro_list_as_tuple");
    return ouro_tuple_from_array(((OuroList *)l)->ob_item, OURO_LIST_SIZE(l));
}

OURO_API OuroObject *ouro_sequence_list(OuroObject *iterable)
{
    OuroObject *r = ouro_list_new(0);
    if (!r)
        return NULL;
    OuroObject *rv = list_extend_method(r, iterable);
    if (!rv) {
        OURO_DECREF(r);
        return NULL;
    }
    OURO_DECREF(rv);
    return r;
}

OURO_API OuroObject *ouro_sequence_tuple(OuroObject *iterable)
{
    if (ouro_tuple_check_exact(iterable))
        return OURO_NEWREF(iterable);
    if (ouro_list_check_exact(iterable))
        return ouro_list_as_tuple(iterable);
    /* Collect into a list, then move (not copy) its references into the tuple. */
    OuroList *tmp = (OuroList *)ouro_sequence_list(iterable);
    if (!tmp)
        return NULL;
    OuroObject *t = ouro_tuple_new(tmp->ob_size);
    if (t) {
        if (tmp->ob_size)
            memcpy(OURO_TUPLE_ITEMS(t), tmp->ob_item, (size_t)tmp->ob_size * sizeof(OuroObject *));
        tmp->ob_size = 0;
    }
    OURO_DECREF(tmp);
    return t;
}

OuroObject *ou_sequence_fast(OuroObject *o, const char *msg)
{
    if (ouro_list_check_exact(o) || ouro_tuple_check_exact(o))
        return OURO_NEWREF(o);
    OuroObject *it = ouro_object_get_iter(o);
    if (!it) {
        if (ouro_err_matches(&ouro_exc_TypeError))
            ouro_err_set_string(&ouro_exc_TypeError, msg);
        return NULL;
    }
    OuroObject *r = ouro_sequence_list(it);
    OURO_DECREF(it);
    return r;
}

ouro_ssize ou_object_length_hint(OuroObject *o, ouro_ssize dflt)
{
    const OuroType *t = OURO_TYPE(o);
    if ((t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
        (t->tp_as_mapping && t->tp_as_mapping->mp_length)) {
        ouro_ssize n = ouro_object_length(o);
        if (n >= 0)
            return n;
        if (!ouro_err_matches(&ouro_exc_TypeError))
            return -1;
        ouro_err_clear();
    }
    /* Our own iterators answer without a method call. */
    if (t == &ou_list_iter_type)
        return ou_listiter_length_hint(o);
    if (t == &ou_list_reviter_type)
        return ou_listreviter_length_hint(o);
    if (t == &ou_tuple_iter_type)
        return ou_tupleiter_length_hint(o);
    if (t == &ou_range_iter_type || t == &ou_longrange_iter_type)
        return ou_rangeiter_length_hint(o);

    OuroObject *hint = ouro_object_getattr_str(o, "__length_hint__");
    if (!hint) {
        if (!ouro_err_matches(&ouro_exc_AttributeError))
            return -1;
        ouro_err_clear();
        return dflt;
    }
    OuroObject *result = ouro_object_vectorcall(hint, NULL, 0, NULL);
    OURO_DECREF(hint);
    if (!result) {
        if (!ouro_err_matches(&ouro_exc_TypeError))
            return -1;
        ouro_err_clear();
        return dflt;
    }
    if (result == OURO_NOTIMPLEMENTED) {
        OURO_DECREF(result);
        return dflt;
    }
    if (!ouro_int_check(result)) {
        ouro_err_format(&ouro_exc_TypeError, "__length_hint__ must be an integer, not %s",
                        OURO_TYPE_NAME(result));
        OURO_DECREF(result);
        return -1;
    }
    ouro_ssize res = ouro_int_as_ssize(result);
    OURO_DECREF(result);
    if (res == -1 && ouro_err_occurred())
        return -1;
    if (res < 0) {
        ouro_err_set_string(&ouro_exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return res;
}

/* ------------------------------------------------------- dealloc, traverse, clear -- */

static void list_dealloc(OuroObject *op)
{
    OuroList *l = (OuroList *)op;
    ouro_gc_untrack(op);
    if (l->ob_item) {
        for (ouro_ssize i = l->ob_size; --i >= 0;)
            OURO_XDECREF(l->ob_item[i]);
        ou_mem_free(l->ob_item);
    }
    ouro_object_free(op);
}

static int list_traverse(OuroObject *op, ouro_visitproc visit, void *arg)
{
    OuroList *l = (OuroList *)op;
    for (ouro_ssize i = l->ob_size; --i >= 0;) {
        OuroObject *e = l->ob_item[i];
        if (e) {
            int r = visit(e, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int list_tp_clear(OuroObject *op)
{
    list_clear_items((OuroList *)op);
    return 0;
}

/* ------------------------------------------------------------ slice assignment -- */

/* a[ilow:ihigh] = v, or del a[ilow:ihigh] when v is NULL; the bounds are clamped. The
 * removed references are kept in `recycle` and dropped only once the list is whole
 * again. 0, or -1 with an exception (the list unchanged). */
static int list_ass_slice(OuroList *a, ouro_ssize ilow, ouro_ssize ihigh, OuroObject *v)
{
    OuroObject *recycle_on_stack[8];
    OuroObject **recycle = recycle_on_stack, **item, **vitem = NULL;
    OuroObject *v_as_sf = NULL;
    ouro_ssize n = 0, norig, d, k;
    size_t s;
    int result = -1;

    if (v) {
        if (v == (OuroObject *)a) {
            /* a[i:j] = a: copy first, the copy is what gets inserted. */
            OuroObject *copy = list_slice(a, 0, a->ob_size);
            if (!copy)
                return -1;
            result = list_ass_slice(a, ilow, ihigh, copy);
            OURO_DECREF(copy);
            return result;
        }
        /* May run arbitrary code (iteration): the bounds are clamped after it. */
        v_as_sf = ou_sequence_fast(v, "can only assign an iterable");
        if (!v_as_sf)
            goto error;
        n = ou_sequence_fast_size(v_as_sf);
        vitem = ou_sequence_fast_items(v_as_sf);
    }
    if (ilow < 0)
        ilow = 0;
    else if (ilow > a->ob_size)
        ilow = a->ob_size;
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > a->ob_size)
        ihigh = a->ob_size;

    norig = ihigh - ilow;
    d = n - norig;
    if (a->ob_size + d == 0) {
        OURO_XDECREF(v_as_sf);
        list_clear_items(a);
        return 0;
    }
    item = a->ob_item;
    s = (size_t)norig * sizeof(OuroObject *);
    if (s) {
        if (s > sizeof(recycle_on_stack)) {
            recycle = ou_mem_alloc(s);
            if (!recycle) {
                recycle = recycle_on_stack;
                ouro_err_no_memory();
                goto error;
            }
        }
        memcpy(recycle, &item[ilow], s);
    }
    if (d < 0) {
        /* Delete -d items: close the gap, then shrink (which cannot fail). */
        size_t tail = (size_t)(a->ob_size - ihigh) * sizeof(OuroObject *);
        memmove(&item[ihigh + d], &item[ihigh], tail);
        list_resize(a, a->ob_size + d);
        item = a->ob_item;
    } else if (d > 0) {
        k = a->ob_size;
        if (list_resize(a, k + d) < 0)
            goto error;
        item = a->ob_item;
        memmove(&item[ihigh + d], &item[ihigh], (size_t)(k - ihigh) * sizeof(OuroObject *));
    }
    for (k = 0; k < n; k++, ilow++)
        item[ilow] = OURO_NEWREF(vitem[k]);
    for (k = norig - 1; k >= 0; --k)
        OURO_XDECREF(recycle[k]);
    result = 0;
error:
    if (recycle != recycle_on_stack)
        ou_mem_free(recycle);
    OURO_XDECREF(v_as_sf);
    return result;
}

/* a[i] = v, or del a[i] when v is NULL; i already made non-negative by the caller. */
static int list_ass_item(OuroObject *op, ouro_ssize i, OuroObject *v)
{
    OuroList *a = (OuroList *)op;
    if ((uint64_t)i >= (uint64_t)a->ob_size) {
        ouro_err_set_string(&ouro_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (!v)
        return list_ass_slice(a, i, i + 1, NULL);
    /* Store first, then drop the old item: its __del__ sees the new list. */
    OURO_SETREF(a->ob_item[i], OURO_NEWREF(v));
    return 0;
}

/* del a[start:stop:step] for an extended slice of slicelength items (step != 1). */
static int list_del_extended(OuroList *self, ouro_ssize start, ouro_ssize stop, ouro_ssize step,
                             ouro_ssize slicelength)
{
    if (slicelength <= 0)
        return 0;
    if (step < 0) {
        /* Same items walked upward. */
        stop = start + 1;
        start = stop + step * (slicelength - 1) - 1;
        step = -step;
    }
    OuroObject **garbage = ou_mem_alloc((size_t)slicelength * sizeof(OuroObject *));
    if (!garbage) {
        ouro_err_no_memory();
        return -1;
    }
    /* Slide down the step - 1 kept items after each removed one, then the tail. */
    size_t cur;
    ouro_ssize i;
    for (cur = (size_t)start, i = 0; cur < (size_t)stop; cur += (size_t)step, i++) {
        ouro_ssize lim = step - 1;
        garbage[i] = self->ob_item[cur];
        if (cur + (size_t)step >= (size_t)self->ob_size)
            lim = self->ob_size - (ouro_ssize)cur - 1;
        memmove(self->ob_item + cur - i, self->ob_item + cur + 1,
                (size_t)lim * sizeof(OuroObject *));
    }
    cur = (size_t)start + (size_t)slicelength * (size_t)step;
    if (cur < (size_t)self->ob_size)
        memmove(self->ob_item + cur - slicelength, self->ob_item + cur,
                ((size_t)self->ob_size - cur) * sizeof(OuroObject *));
    list_resize(self, self->ob_size - slicelength);
    for (i = 0; i < slicelength; i++)
        OURO_DECREF(garbage[i]);
    ou_mem_free(garbage);
    return 0;
}

/* a[start:stop:step] = value for an extended slice (step != 1). */
static int list_assign_extended(OuroList *self, OuroObject *value, ouro_ssize start,
                                ouro_ssize stop, ouro_ssize step)
{
    OuroObject *seq;
    if (value == (OuroObject *)self)
        seq = list_slice(self, 0, self->ob_size); /* a[::-1] = a */
    else
        seq = ou_sequence_fast(value, "must assign iterable to extended slice");
    if (!seq)
        return -1;
    /* Converting value may have run code that resized the list: resolve the bounds
     * against the size it has now. */
    ouro_ssize slicelength = ou_slice_adjust_indices(self->ob_size, &start, &stop, step);
    ouro_ssize n = ou_sequence_fast_size(seq);
    int rc = -1;
    if (n != slicelength) {
        ouro_err_format(&ouro_exc_ValueError,
                        "attempt to assign sequence of size %zd to extended slice of size %zd",
                        n, slicelength);
        goto done;
    }
    rc = 0;
    if (!slicelength)
        goto done;
    OuroObject **garbage = ou_mem_alloc((size_t)slicelength * sizeof(OuroObject *));
    if (!garbage) {
        ouro_err_no_memory();
        rc = -1;
        goto done;
    }
    OuroObject **selfitems = self->ob_item, **seqitems = ou_sequence_fast_items(seq);
    size_t cur;
    ouro_ssize i;
    for (cur = (size_t)start, i = 0; i < slicelength; cur += (size_t)step, i++) {
        garbage[i] = selfitems[cur];
        selfitems[cur] = OURO_NEWREF(seqitems[i]);
    }
    for (i = 0; i < slicelength; i++)
        OURO_DECREF(garbage[i]);
    ou_mem_free(garbage);
done:
    OURO_DECREF(seq);
    return rc;
}

static int list_ass_subscript(OuroObject *op, OuroObject *item, OuroObject *value)
{
    OuroList *self = (OuroList *)op;
    if (ou_index_check(item)) {
        ouro_ssize i = ouro_number_as_ssize(item, &ouro_exc_IndexError);
        if (i == -1 && ouro_err_occurred())
            return -1;
        if (i < 0)
            i += self->ob_size;
        return list_ass_item(op, i, value);
    }
    if (ouro_slice_check(item)) {
        ouro_ssize start, stop, step;
        if (ou_slice_unpack(item, &start, &stop, &step) < 0)
            return -1;
        if (step == 1) {
            ou_slice_adjust_indices(self->ob_size, &start, &stop, step);
            return list_ass_slice(self, start, stop, value);
        }
        if (!value) {
            ouro_ssize slicelength = ou_slice_adjust_indices(self->ob_size, &start, &stop, step);
            return list_del_extended(self, start, stop, step, slicelength);
        }
        return list_assign_extended(self, value, start, stop, step);
    }
    ouro_err_format(&ouro_exc_TypeError, "list indices must be integers or slices, not %s",
                    OURO_TYPE_NAME(item));
    return -1;
}

/* ----------------------------------------------------------------- the protocol -- */

static OuroObject *list_repr(OuroObject *op)
{
    OuroList *v = (OuroList *)op;
    if (v->ob_size == 0)
        return ouro_str_from_cstr("[]");
    int rc = ou_repr_enter(op);
    if (rc != 0)
        return rc > 0 ? ouro_str_from_cstr("[...]") : NULL;
    OuStrBuf b;
    ou_strbuf_init(&b);
    ou_strbuf_append_char(&b, '[');
    /* An item's repr may mutate the list: re-read the size every time. */
    for (ouro_ssize i = 0; i < v->ob_size; i++) {
        if (i > 0)
            ou_strbuf_append(&b, ", ", 2);
        OuroObject *item = OURO_NEWREF(v->ob_item[i]);
        int err = ou_strbuf_append_repr(&b, item);
        OURO_DECREF(item);
        if (err < 0) {
            ou_strbuf_discard(&b);
            ou_repr_leave(op);
            return NULL;
        }
    }
    ou_strbuf_append_char(&b, ']');
    ou_repr_leave(op);
    return ou_strbuf_finish(&b);
}

static ouro_ssize list_length(OuroObject *op)
{
    return OURO_LIST_SIZE(op);
}

static int list_contains(OuroObject *op, OuroObject *el)
{
    OuroList *a = (OuroList *)op;
    int cmp = 0;
    for (ouro_ssize i = 0; cmp == 0 && i < a->ob_size; ++i) {
        OuroObject *item = OURO_NEWREF(a->ob_item[i]);
        cmp = ouro_object_richcompare_bool(item, el, OURO_EQ);
        OURO_DECREF(item);
    }
    return cmp;
}

static OuroObject *list_item(OuroObject *op, ouro_ssize i)
{
    if ((uint64_t)i >= (uint64_t)OURO_LIST_SIZE(op)) {
        ouro_err_set_string(&ouro_exc_IndexError, "list index out of range");
        return NULL;
    }
    return OURO_NEWREF(OURO_LIST_GET(op, i));
}

static OuroObject *list_concat(OuroObject *a, OuroObject *bb)
{
    if (!ouro_list_check(bb))
        return ouro_err_format(&ouro_exc_TypeError,
                               "can only concatenate list (not \"%s\") to list",
                               OURO_TYPE_NAME(bb));
    ouro_ssize na = OURO_LIST_SIZE(a), nb = OURO_LIST_SIZE(bb);
    if (na > LIST_MAX_ITEMS - nb)
        return ouro_err_no_memory();
    ouro_ssize size = na + nb;
    if (size == 0)
        return ouro_list_new(0);
    OuroList *np = (OuroList *)list_new_prealloc(size);
    if (!np)
        return NULL;
    OuroObject **dest = np->ob_item;
    for (ouro_ssize i = 0; i < na; i++)
        dest[i] = OURO_NEWREF(OURO_LIST_GET(a, i));
    for (ouro_ssize i = 0; i < nb; i++)
        dest[na + i] = OURO_NEWREF(OURO_LIST_GET(bb, i));
    np->ob_size = size;
    return (OuroObject *)np;
}

/* Fills items[size..size*n) with n - 1 more copies of items[0..size), the references
 * already counted by the caller. */
static void repeat_fill(OuroObject **items, ouro_ssize size, ouro_ssize n)
{
    ouro_ssize done = size, total = size * n;
    while (done < total) {
        ouro_ssize c = done <= total - done ? done : total - done;
        memcpy(items + done, items, (size_t)c * sizeof(OuroObject *));
        done += c;
    }
}

static OuroObject *list_repeat(OuroObject *a, ouro_ssize n)
{
    ouro_ssize size = OURO_LIST_SIZE(a);
    if (size == 0 || n <= 0)
        return ouro_list_new(0);
    if (size > LIST_MAX_ITEMS / n)
        return ouro_err_no_memory();
    OuroList *np = (OuroList *)list_new_prealloc(size * n);
    if (!np)
        return NULL;
    OuroObject **src = ((OuroList *)a)->ob_item;
    for (ouro_ssize j = 0; j < size; j++) {
        np->ob_item[j] = src[j];
        ou_incref_n(src[j], n);
    }
    repeat_fill(np->ob_item, size, n);
    np->ob_size = size * n;
    return (OuroObject *)np;
}

static OuroObject *list_inplace_concat(OuroObject *self, OuroObject *other)
{
    OuroObject *r = list_extend_method(self, other);
    if (!r)
        return NULL;
    OURO_DECREF(r);
    return OURO_NEWREF(self);
}

static OuroObject *list_inplace_repeat(OuroObject *op, ouro_ssize n)
{
    OuroList *self = (OuroList *)op;
    ouro_ssize size = self->ob_size;
    if (size == 0 || n == 1)
        return OURO_NEWREF(op);
    if (n < 1) {
        list_clear_items(self);
        return OURO_NEWREF(op);
    }
    if (size > LIST_MAX_ITEMS / n)
        return ouro_err_no_memory();
    if (list_resize(self, size * n) < 0)
        return NULL;
    for (ouro_ssize j = 0; j < size; j++)
        ou_incref_n(self->ob_item[j], n - 1);
    repeat_fill(self->ob_item, size, n);
    return OURO_NEWREF(op);
}

static OuroObject *list_subscript(OuroObject *op, OuroObject *item)
{
    OuroList *self = (OuroList *)op;
    if (ou_index_check(item)) {
        ouro_ssize i = ouro_number_as_ssize(item, &ouro_exc_IndexError);
        if (i == -1 && ouro_err_occurred())
            return NULL;
        if (i < 0)
            i += self->ob_size;
        return list_item(op, i);
    }
    if (ouro_slice_check(item)) {
        ouro_ssize start, stop, step;
        ouro_ssize n = ouro_slice_unpack_indices(item, self->ob_size, &start, &stop, &step);
        if (n < 0)
            return NULL;
        if (n == 0)
            return ouro_list_new(0);
        if (step == 1)
            return list_slice(self, start, stop);
        OuroList *r = (OuroList *)list_new_prealloc(n);
        if (!r)
            return NULL;
        size_t cur = (size_t)start;
        for (ouro_ssize i = 0; i < n; i++, cur += (size_t)step)
            r->ob_item[i] = OURO_NEWREF(self->ob_item[cur]);
        r->ob_size = n;
        return (OuroObject *)r;
    }
    return ouro_err_format(&ouro_exc_TypeError, "list indices must be integers or slices, not %s",
                           OURO_TYPE_NAME(item));
}

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

/* Lexicographic. Items are held (INCREF) while compared: a comparison may mutate either
 * list, so sizes are re-read each step. */
static OuroObject *list_richcompare(OuroObject *v, OuroObject *w, int op)
{
    if (!ouro_list_check(v) || !ouro_list_check(w))
        OURO_RETURN_NOTIMPLEMENTED;
    OuroList *vl = (OuroList *)v, *wl = (OuroList *)w;
    if (vl->ob_size != wl->ob_size && (op == OURO_EQ || op == OURO_NE))
        return bool_result(op == OURO_NE);
    ouro_ssize i;
    for (i = 0; i < vl->ob_size && i < wl->ob_size; i++) {
        OuroObject *vitem = vl->ob_item[i], *witem = wl->ob_item[i];
        if (vitem == witem)
            continue;
        OURO_INCREF(vitem);
        OURO_INCREF(witem);
        int k = ouro_object_richcompare_bool(vitem, witem, OURO_EQ);
        OURO_DECREF(vitem);
        OURO_DECREF(witem);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vl->ob_size || i >= wl->ob_size)
        return compare_sizes(vl->ob_size, wl->ob_size, op);
    if (op == OURO_EQ)
        return bool_result(0);
    if (op == OURO_NE)
        return bool_result(1);
    OuroObject *vitem = OURO_NEWREF(vl->ob_item[i]), *witem = OURO_NEWREF(wl->ob_item[i]);
    OuroObject *r = ouro_object_richcompare(vitem, witem, op);
    OURO_DECREF(vitem);
    OURO_DECREF(witem);
    return r;
}

/* list.__new__: an empty list (of a subclass too); __init__ fills it. */
static OuroObject *list_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    if (type == &ouro_list_type)
        return ouro_list_new(0);
    OuroObject *o = ouro_object_alloc(type);
    if (o && ou_type_is_gc(type))
        ouro_gc_track(o);
    return o;
}

/* list.__init__(iterable=()): replaces the contents. */
static int list_init(OuroObject *op, OuroObject *args, OuroObject *kwargs)
{
    OuroList *self = (OuroList *)op;
    if (kwargs && ouro_dict_size(kwargs) > 0) {
        ouro_err_set_string(&ouro_exc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    ouro_ssize nargs = args ? OURO_TUPLE_SIZE(args) : 0;
    if (nargs > 1) {
        ouro_err_format(&ouro_exc_TypeError, "list expected at most 1 argument, got %zd", nargs);
        return -1;
    }
    if (self->ob_item)
        list_clear_items(self);
    if (nargs == 0)
        return 0;
    OuroObject *iterable = OURO_TUPLE_GET(args, 0);
    const OuroType *t = OURO_TYPE(iterable);
    if ((t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
        (t->tp_as_mapping && t->tp_as_mapping->mp_length)) {
        ouro_ssize n = ouro_object_length(iterable);
        if (n < 0) {
            if (!ouro_err_matches(&ouro_exc_TypeError))
                return -1;
            ouro_err_clear();
        }
        if (n > 0 && !self->ob_item && list_preallocate_exact(self, n) < 0)
            return -1;
    }
    OuroObject *r = list_extend_method(op, iterable);
    if (!r)
        return -1;
    OURO_DECREF(r);
    return 0;
}

/* -------------------------------------------------------------------- methods -- */

static OuroObject *list_append_method(OuroObject *self, OuroObject *v)
{
    if (list_append_steal((OuroList *)self, OURO_NEWREF(v)) < 0)
        return NULL;
    OURO_RETURN_NONE;
}

static OuroObject *list_insert_method(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize index;
    if (nargs != 2)
        return ouro_err_format(&ouro_exc_TypeError, "insert expected 2 arguments, got %zd", nargs);
    if (arg_as_ssize(args[0], &index) < 0)
        return NULL;
    if (ins1((OuroList *)self, index, args[1]) < 0)
        return NULL;
    OURO_RETURN_NONE;
}

/* list.extend(iterable): exact lists and tuples (and the list itself) are copied
 * directly; anything else is iterated, with room reserved from its length hint. */
static OuroObject *list_extend_method(OuroObject *op, OuroObject *iterable)
{
    OuroList *self = (OuroList *)op;
    if (ouro_list_check_exact(iterable) || ouro_tuple_check_exact(iterable) || iterable == op) {
        OuroObject *seq = OURO_NEWREF(iterable);
        ouro_ssize n = ou_sequence_fast_size(seq), m = self->ob_size;
        if (n == 0) {
            OURO_DECREF(seq);
            OURO_RETURN_NONE;
        }
        if (!self->ob_item) {
            if (list_preallocate_exact(self, n) < 0) {
                OURO_DECREF(seq);
                return NULL;
            }
            self->ob_size = n;
        } else if (list_resize(self, m + n) < 0) {
            OURO_DECREF(seq);
            return NULL;
        }
        /* Read the source items after the resize: for l.extend(l) they moved. */
        OuroObject **src = ou_sequence_fast_items(seq), **dest = self->ob_item + m;
        for (ouro_ssize i = 0; i < n; i++)
            dest[i] = OURO_NEWREF(src[i]);
        OURO_DECREF(seq);
        OURO_RETURN_NONE;
    }

    OuroObject *it = ouro_object_get_iter(iterable);
    if (!it)
        return NULL;
    ouro_ssize n = ou_object_length_hint(iterable, 8), m = self->ob_size;
    if (n < 0)
        goto error;
    if (m > OURO_SSIZE_MAX - n) {
        /* The hint overflowed: ignore it, memory will run out first if it was true. */
    } else if (!self->ob_item) {
        if (n && list_preallocate_exact(self, n) < 0)
            goto error;
    } else {
        if (list_resize(self, m + n) < 0)
            goto error;
        self->ob_size = m; /* room reserved, nothing added yet */
    }
    for (;;) {
        OuroObject *item = ouro_iter_next(it);
        if (!item) {
            if (ouro_err_occurred()) {
                if (!ouro_err_matches(&ouro_exc_StopIteration))
                    goto error;
                ouro_err_clear();
            }
            break;
        }
        if (list_append_steal(self, item) < 0)
            goto error;
    }
    /* Give back what the hint over-reserved (never fails). */
    if (self->ob_size < self->allocated)
        list_resize(self, self->ob_size);
    OURO_DECREF(it);
    OURO_RETURN_NONE;
error:
    OURO_DECREF(it);
    return NULL;
}

static OuroObject *list_pop_method(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize index = -1;
    if (nargs > 1)
        return ouro_err_format(&ouro_exc_TypeError, "pop expected at most 1 argument, got %zd",
                               nargs);
    if (nargs == 1 && arg_as_ssize(args[0], &index) < 0)
        return NULL;
    return list_pop_index((OuroList *)self, index);
}

static OuroObject *list_remove_method(OuroObject *op, OuroObject *value)
{
    OuroList *self = (OuroList *)op;
    for (ouro_ssize i = 0; i < self->ob_size; i++) {
        OuroObject *obj = OURO_NEWREF(self->ob_item[i]);
        int cmp = ouro_object_richcompare_bool(obj, value, OURO_EQ);
        OURO_DECREF(obj);
        if (cmp > 0) {
            if (list_ass_slice(self, i, i + 1, NULL) < 0)
                return NULL;
            OURO_RETURN_NONE;
        }
        if (cmp < 0)
            return NULL;
    }
    ouro_err_set_string(&ouro_exc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

/* list.index(value, start=0, stop=sys.maxsize) */
static OuroObject *list_index_method(OuroObject *op, OuroObject *const *args, ouro_ssize nargs)
{
    OuroList *self = (OuroList *)op;
    ouro_ssize start = 0, stop = OURO_SSIZE_MAX;
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
        start += self->ob_size;
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += self->ob_size;
        if (stop < 0)
            stop = 0;
    }
    for (ouro_ssize i = start; i < stop && i < self->ob_size; i++) {
        OuroObject *obj = OURO_NEWREF(self->ob_item[i]);
        int cmp = ouro_object_richcompare_bool(obj, args[0], OURO_EQ);
        OURO_DECREF(obj);
        if (cmp > 0)
            return ouro_int_from_ssize(i);
        if (cmp < 0)
            return NULL;
    }
    return ouro_err_format(&ouro_exc_ValueError, "%R is not in list", args[0]);
}

static OuroObject *list_count_method(OuroObject *op, OuroObject *value)
{
    OuroList *self = (OuroList *)op;
    ouro_ssize count = 0;
    for (ouro_ssize i = 0; i < self->ob_size; i++) {
        OuroObject *obj = self->ob_item[i];
        if (obj == value) {
            count++;
            continue;
        }
        OURO_INCREF(obj);
        int cmp = ouro_object_richcompare_bool(obj, value, OURO_EQ);
        OURO_DECREF(obj);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return ouro_int_from_ssize(count);
}

static OuroObject *list_clear_method(OuroObject *self, OuroObject *unused)
{
    list_clear_items((OuroList *)self);
    OURO_RETURN_NONE;
}

static OuroObject *list_copy_method(OuroObject *self, OuroObject *unused)
{
    return list_slice((OuroList *)self, 0, OURO_LIST_SIZE(self));
}

static OuroObject *list_reverse_method(OuroObject *self, OuroObject *unused)
{
    ouro_list_reverse(self);
    OURO_RETURN_NONE;
}

/* The sort proper. The list is emptied while it runs (ob_item NULL, allocated -1), so a
 * key function or comparison that mutates it cannot corrupt the items being sorted; any
 * change shows as allocated != -1 at the end ("list modified during sort"), and whatever
 * was put in the list meanwhile is discarded. */
static int list_sort_impl(OuroList *self, OuroObject *keyfunc, int reverse)
{
    ouro_ssize saved_size = self->ob_size, saved_allocated = self->allocated;
    OuroObject **saved_items = self->ob_item, **keys = NULL;
    int rc = -1;

    self->ob_size = 0;
    self->ob_item = NULL;
    self->allocated = -1;

    if (keyfunc && saved_size > 0) {
        keys = ou_mem_alloc((size_t)saved_size * sizeof(OuroObject *));
        if (!keys) {
            ouro_err_no_memory();
            goto restore;
        }
        for (ouro_ssize i = 0; i < saved_size; i++) {
            keys[i] = ouro_object_vectorcall(keyfunc, &saved_items[i], 1, NULL);
            if (!keys[i]) {
                while (--i >= 0)
                    OURO_DECREF(keys[i]);
                ou_mem_free(keys);
                goto restore;
            }
        }
    }
    /* Stability in reverse: reverse, sort forward, reverse back. */
    if (reverse && saved_size > 1) {
        if (keys)
            reverse_items(keys, keys + saved_size);
        reverse_items(saved_items, saved_items + saved_size);
    }
    rc = ou_list_sort_items(keys ? keys : saved_items, keys ? saved_items : NULL, saved_size);
    if (reverse && saved_size > 1)
        reverse_items(saved_items, saved_items + saved_size);
    if (keys) {
        for (ouro_ssize i = 0; i < saved_size; i++)
            OURO_DECREF(keys[i]);
        ou_mem_free(keys);
    }
    if (self->allocated != -1 && rc == 0) {
        ouro_err_set_string(&ouro_exc_ValueError, "list modified during sort");
        rc = -1;
    }
restore:;
    OuroObject **final_items = self->ob_item;
    ouro_ssize i = self->ob_size;
    self->ob_size = saved_size;
    self->ob_item = saved_items;
    self->allocated = saved_allocated;
    if (final_items) {
        while (--i >= 0)
            OURO_XDECREF(final_items[i]);
        ou_mem_free(final_items);
    }
    return rc;
}

OURO_API int ouro_list_sort(OuroObject *l)
{
    if (!ouro_list_check(l)) {
        ouro_err_bad_internal_call("ouro_list_sort");
        return -1;
    }
    return list_sort_impl((OuroList *)l, NULL, 0);
}

/* list.sort(*, key=None, reverse=False) */
static OuroObject *list_sort_method(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                    OuroObject *kwnames)
{
    OuroObject *keyfunc = NULL;
    int reverse = 0;
    if (nargs > 0)
        return ouro_err_format(&ouro_exc_TypeError, "sort() takes no positional arguments");
    ouro_ssize nkw = kwnames ? OURO_TUPLE_SIZE(kwnames) : 0;
    for (ouro_ssize i = 0; i < nkw; i++) {
        OuroObject *name = OURO_TUPLE_GET(kwnames, i), *value = args[nargs + i];
        if (ouro_str_check(name) && ouro_str_equal_cstr(name, "key")) {
            keyfunc = value == OURO_NONE ? NULL : value;
        } else if (ouro_str_check(name) && ouro_str_equal_cstr(name, "reverse")) {
            /* An int-like flag, as CPython's bool(accept={int}) converter. */
            OuroObject *iv = ouro_number_index(value);
            if (!iv)
                return NULL;
            reverse = ouro_int_sign(iv) != 0;
            OURO_DECREF(iv);
        } else {
            return ouro_err_format(&ouro_exc_TypeError,
                                   "'%S' is an invalid keyword argument for sort()", name);
        }
    }
    if (list_sort_impl((OuroList *)self, keyfunc, reverse) < 0)
        return NULL;
    OURO_RETURN_NONE;
}

static OuroObject *list_sizeof_method(OuroObject *self, OuroObject *unused)
{
    ouro_ssize res = (ouro_ssize)sizeof(OuroList) +
                     ((OuroList *)self)->allocated * (ouro_ssize)sizeof(OuroObject *);
    return ouro_int_from_ssize(res);
}

static const OuroMethodDef list_methods[] = {
    { "__reversed__", OURO_METH(ou_list_reversed), OURO_METH_NOARGS,
      "Return a reverse iterator over the list." },
    { "__sizeof__", OURO_METH(list_sizeof_method), OURO_METH_NOARGS,
      "Return the size of the list in memory, in bytes." },
    { "clear", OURO_METH(list_clear_method), OURO_METH_NOARGS, "Remove all items from list." },
    { "copy", OURO_METH(list_copy_method), OURO_METH_NOARGS, "Return a shallow copy of the list." },
    { "append", OURO_METH(list_append_method), OURO_METH_O,
      "Append object to the end of the list." },
    { "insert", OURO_METH(list_insert_method), OURO_METH_FASTCALL,
      "Insert object before index." },
    { "extend", OURO_METH(list_extend_method), OURO_METH_O,
      "Extend list by appending elements from the iterable." },
    { "pop", OURO_METH(list_pop_method), OURO_METH_FASTCALL,
      "Remove and return item at index (default last).\n\n"
      "Raises IndexError if list is empty or index is out of range." },
    { "remove", OURO_METH(list_remove_method), OURO_METH_O,
      "Remove first occurrence of value.\n\nRaises ValueError if the value is not present." },
    { "index", OURO_METH(list_index_method), OURO_METH_FASTCALL,
      "Return first index of value.\n\nRaises ValueError if the value is not present." },
    { "count", OURO_METH(list_count_method), OURO_METH_O,
      "Return number of occurrences of value." },
    { "reverse", OURO_METH(list_reverse_method), OURO_METH_NOARGS, "Reverse *IN PLACE*." },
    { "sort", OURO_METH(list_sort_method), OURO_METH_FASTCALL | OURO_METH_KEYWORDS,
      "Sort the list in ascending order and return None.\n\n"
      "The sort is in-place (i.e. the list itself is modified) and stable (i.e. the\n"
      "order of two equal elements is maintained)." },
    { NULL, NULL, 0, NULL },
};

/* ---------------------------------------------------------------------- types -- */

static const OuroSequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static const OuroMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

OURO_API OuroType ouro_list_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "list",
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_LIST_SUBCLASS | OURO_TPFLAG_BASETYPE,
    .tp_basicsize = sizeof(OuroList),
    .tp_dealloc = list_dealloc,
    .tp_traverse = list_traverse,
    .tp_clear = list_tp_clear,
    .tp_repr = list_repr,
    .tp_hash = ouro_hash_not_implemented,
    .tp_richcompare = list_richcompare,
    .tp_iter = ou_list_iter,
    .tp_new = list_new,
    .tp_init = list_init,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_methods = list_methods,
    .tp_doc = "Built-in mutable sequence.\n\n"
              "If no argument is given, the constructor creates a new empty list.\n"
              "The argument must be an iterable if specified.",
};
