/* src/objects/object.c — the life of every object: allocation with or without a GC header,
 * deallocation (finalizer call, the trashcan that keeps deep structures off the C stack),
 * and the generic protocol (repr, str, hash, comparison, truth) over the type slots.
 * Narrative: docs/internals/object-layout.md. */
#include "objects.h"
#include "strimpl.h"
#include "weakrefobject.h" /* ou_weakref_clear_refs (issue 6) */
#include <stdio.h>
#include <string.h>

/* OU_OBFLAG_FINALIZED: src/gc/gcheader.h (issue 5 moved the object flags there). */

/* ------------------------------------------------------------------- allocation -- */

/* Bytes of an instance of t with nitems items, rounded to 8; 0 on overflow. */
static size_t instance_size(const OuroType *t, ouro_ssize nitems)
{
    if (nitems < 0)
        return 0;
    uint64_t items;
    if (__builtin_mul_overflow((uint64_t)nitems, (uint64_t)t->tp_itemsize, &items))
        return 0;
    uint64_t n = (uint64_t)t->tp_basicsize + items;
    if (n < items || n > ((uint64_t)1 << 40))
        return 0;
    return (size_t)((n + 7) & ~(uint64_t)7);
}

static OuroObject *alloc_instance(OuroType *t, size_t size)
{
    OuroObject *o;
    if (OU_UNLIKELY(size == 0))
        return ouro_err_no_memory();
    if (t->tp_flags & OURO_TPFLAG_GC) {
        ou_gc_note_alloc();
        char *p = ou_mem_alloc_object(size + OU_GC_HEAD_SIZE);
        if (OU_UNLIKELY(!p))
            return ouro_err_no_memory();
        memset(p, 0, size + OU_GC_HEAD_SIZE);
        o = (OuroObject *)(p + OU_GC_HEAD_SIZE);
    } else {
        o = ou_mem_alloc(size);
        if (OU_UNLIKELY(!o))
            return ouro_err_no_memory();
        memset(o, 0, size);
    }
    OU_ASSERT(t->tp_id != 0); /* the type was readied */
    o->ob_refcnt = 1;
    o->ob_tinfo = t->tp_id;
    if (t->tp_flags & OURO_TPFLAG_HEAPTYPE)
        OURO_INCREF(t); /* instances keep their class alive; its dealloc drops this */
    return o;
}

OURO_API OuroObject *ouro_object_alloc(OuroType *t)
{
    return alloc_instance(t, instance_size(t, 0));
}

OURO_API OuroObject *ouro_object_alloc_var(OuroType *t, ouro_ssize nitems)
{
    return alloc_instance(t, instance_size(t, nitems));
}

OURO_API void ouro_object_free(OuroObject *o)
{
    if (ou_type_is_gc(OURO_TYPE(o))) {
        OU_ASSERT(!ou_gc_is_tracked(o));
        ou_gc_note_dealloc();
        ou_mem_free(ou_gc_head(o));
    } else {
        ou_mem_free(o);
    }
}

OURO_API size_t ouro_object_footprint(OuroObject *o)
{
    /* A static type lives outside the heap (type is a GC type for classes only). */
    if ((OURO_TYPE(o)->tp_flags & OURO_TPFLAG_TYPE_SUBCLASS) &&
        !(((OuroType *)o)->tp_flags & OURO_TPFLAG_HEAPTYPE))
        return sizeof(OuroType);
    if (ou_type_is_gc(OURO_TYPE(o)))
        return ou_heap_usable_size(ou_current.heap, ou_gc_head(o));
    return ou_heap_usable_size(ou_current.heap, o);
}

/* ---------------------------------------------------------------- deallocation -- */

OURO_API void ouro_refcnt_underflow(OuroObject *o, const char *file, int line)
{
    ou_fatal_at(file, line, "DECREF of an object whose count is already zero (%p)",
                (void *)o);
}

/* Runs tp_finalize once (PEP 442) on an object whose count just reached zero. Returns 1
 * if the finalizer resurrected it (a reference was stored somewhere), else 0. The pending
 * exception, if any, is kept aside: a finalizer must not disturb it. */
static int call_finalizer(OuroObject *o, OuroType *t)
{
    if (o->ob_tinfo & OU_OBFLAG_FINALIZED)
        return 0;
    o->ob_tinfo |= OU_OBFLAG_FINALIZED;
    o->ob_refcnt = 1; /* alive while __del__ runs */
    OuroObject *saved = ouro_err_fetch();
    t->tp_finalize(o);
    ouro_err_restore(saved);
    if (--o->ob_refcnt != 0)
        return 1;
    return 0;
}

/* Past this depth of nested deallocations, container deallocs are deferred and run from
 * the outermost level: a 10-million-long chain is freed with a bounded C stack. */
#define OU_TRASH_DEPTH 50

static void trash_push(struct OuroThreadState *ts, OuroObject *o)
{
    OuGCHead *g = ou_gc_head(o);
    g->gc_prev = ts->trash_later ? ou_ptr_compress(ou_gc_head(ts->trash_later)) : 0;
    ts->trash_later = o;
}

static void trash_drain(struct OuroThreadState *ts)
{
    while (ts->trash_later) {
        OuroObject *o = ts->trash_later;
        OuGCHead *g = ou_gc_head(o);
        ts->trash_later = g->gc_prev ? ou_gc_object(ou_ptr_decompress(g->gc_prev)) : NULL;
        g->gc_prev = 0;
        ts->dealloc_depth++;
        OURO_TYPE(o)->tp_dealloc(o);
        ts->dealloc_depth--;
    }
}

OURO_API void ouro_dealloc(OuroObject *o)
{
    /* An exact int (the commonest death: arithmetic temporaries) has no finalizer, weak
     * references or GC header: straight back to the allocator. */
    if ((o->ob_tinfo & OURO_TID_MASK) == OU_TID_ouro_int_type) {
        ou_mem_free(o);
        return;
    }
    OuroType *t = OURO_TYPE(o);
    if (OU_UNLIKELY(t->tp_finalize != NULL) && call_finalizer(o, t))
        return;
    /* Weak references die with the object: after __del__, before its memory goes, with
     * their callbacks (issue 6, src/objects/weakrefobject.c). */
    if (t->tp_weaklistoffset > 0 && *(OuroObject **)(void *)((char *)o + t->tp_weaklistoffset)) {
        /* Issue 5: the callbacks run Python code, which may collect: a dying object (count
         * 0) must not be on a generation list then, or the collector would free it twice. */
        if (ou_gc_has_head(o))
            ouro_gc_untrack(o);
        ou_weakref_clear_refs(o);
    }
    if (!(t->tp_flags & OURO_TPFLAG_GC)) {
        t->tp_dealloc(o);
        return;
    }
    struct OuroThreadState *ts = ou_tstate();
    if (OU_UNLIKELY(ts->dealloc_depth >= OU_TRASH_DEPTH)) {
        ouro_gc_untrack(o);
        trash_push(ts, o);
        return;
    }
    ts->dealloc_depth++;
    t->tp_dealloc(o);
    ts->dealloc_depth--;
    if (ts->dealloc_depth == 0 && ts->trash_later)
        trash_drain(ts);
}

/* -------------------------------------------------------------- the protocol -- */

OURO_API ouro_hash ouro_hash_pointer(const void *p)
{
    /* Bottom 3-4 bits of an address are always 0: rotate them away (CPython's trick). */
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(y) - 4));
    ouro_hash h = (ouro_hash)y;
    return h == -1 ? -2 : h;
}

OURO_API ouro_hash ouro_hash_not_implemented(OuroObject *o)
{
    ouro_err_format(&ouro_exc_TypeError, "unhashable type: '%s'", OURO_TYPE_NAME(o));
    return -1;
}

OURO_API ouro_hash ouro_object_hash(OuroObject *o)
{
    ouro_hashfunc h = OURO_TYPE(o)->tp_hash;
    if (!h)
        return ouro_hash_not_implemented(o);
    return h(o);
}

int ou_enter_recursive_call(const char *where)
{
    struct OuroThreadState *ts = ou_tstate();
    if (++ts->recursion_depth > ts->recursion_limit) {
        ts->recursion_depth--;
        ouro_err_format(&ouro_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

void ou_leave_recursive_call(void)
{
    ou_tstate()->recursion_depth--;
}

static OuroObject *check_str_result(OuroObject *r, const char *what)
{
    if (r && !ouro_str_check(r)) {
        ouro_err_format(&ouro_exc_TypeError, "%s returned non-string (type %s)", what,
                        OURO_TYPE_NAME(r));
        OURO_DECREF(r);
        return NULL;
    }
    return r;
}

OURO_API OuroObject *ouro_object_repr(OuroObject *o)
{
    ouro_unaryfunc f = OURO_TYPE(o)->tp_repr;
    if (!f)
        return ouro_str_from_format("<%s object at %p>", OURO_TYPE(o)->tp_name, (void *)o);
    if (ou_enter_recursive_call(" while getting the repr of an object") < 0)
        return NULL;
    OuroObject *r = f(o);
    ou_leave_recursive_call();
    return check_str_result(r, "__repr__");
}

OURO_API OuroObject *ouro_object_str(OuroObject *o)
{
    if (ouro_str_check_exact(o))
        return OURO_NEWREF(o);
    ouro_unaryfunc f = OURO_TYPE(o)->tp_str;
    if (!f)
        return ouro_object_repr(o);
    if (ou_enter_recursive_call(" while getting the str of an object") < 0)
        return NULL;
    OuroObject *r = f(o);
    ou_leave_recursive_call();
    return check_str_result(r, "__str__");
}

static const char *const opstrings[] = { "<", "<=", "==", "!=", ">", ">=" };
static const int swapped_op[] = { OURO_GT, OURO_GE, OURO_EQ, OURO_NE, OURO_LT, OURO_LE };

/* CPython's do_richcompare: the right operand's reflected method first when its type is
 * a subclass that overrides it, then the left's, then the right's; == and != fall back to
 * identity. */
static OuroObject *do_richcompare(OuroObject *a, OuroObject *b, int op)
{
    OuroType *ta = OURO_TYPE(a), *tb = OURO_TYPE(b);
    OuroObject *r;
    int checked_reverse = 0;
    if (ta != tb && ouro_type_is_subtype(tb, ta) && tb->tp_richcompare) {
        checked_reverse = 1;
        r = tb->tp_richcompare(b, a, swapped_op[op]);
        if (r != OURO_NOTIMPLEMENTED)
            return r;
        OURO_DECREF(r);
    }
    if (ta->tp_richcompare) {
        r = ta->tp_richcompare(a, b, op);
        if (r != OURO_NOTIMPLEMENTED)
            return r;
        OURO_DECREF(r);
    }
    if (!checked_reverse && tb->tp_richcompare) {
        r = tb->tp_richcompare(b, a, swapped_op[op]);
        if (r != OURO_NOTIMPLEMENTED)
            return r;
        OURO_DECREF(r);
    }
    if (op == OURO_EQ)
        return OURO_NEWREF(a == b ? OURO_TRUE : OURO_FALSE);
    if (op == OURO_NE)
        return OURO_NEWREF(a != b ? OURO_TRUE : OURO_FALSE);
    return ouro_err_format(&ouro_exc_TypeError,
                           "'%s' not supported between instances of '%s' and '%s'",
                           opstrings[op], OURO_TYPE_NAME(a), OURO_TYPE_NAME(b));
}

OURO_API OuroObject *ouro_object_richcompare(OuroObject *a, OuroObject *b, int op)
{
    OU_ASSERT(op >= OURO_LT && op <= OURO_GE);
    if (ou_enter_recursive_call(" in comparison") < 0)
        return NULL;
    OuroObject *r = do_richcompare(a, b, op);
    ou_leave_recursive_call();
    return r;
}

OURO_API int ouro_object_richcompare_bool(OuroObject *a, OuroObject *b, int op)
{
    if (a == b) {
        if (op == OURO_EQ)
            return 1;
        if (op == OURO_NE)
            return 0;
    }
    OuroObject *r = ouro_object_richcompare(a, b, op);
    if (!r)
        return -1;
    int t = r == OURO_TRUE ? 1 : r == OURO_FALSE ? 0 : ouro_object_is_true(r);
    OURO_DECREF(r);
    return t;
}

OURO_API int ouro_object_is_true(OuroObject *o)
{
    if (o == OURO_TRUE)
        return 1;
    if (o == OURO_FALSE || o == OURO_NONE)
        return 0;
    const OuroType *t = OURO_TYPE(o);
    ouro_ssize n;
    if (t->tp_as_number && t->tp_as_number->nb_bool)
        return t->tp_as_number->nb_bool(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length)
        n = t->tp_as_mapping->mp_length(o);
    else if (t->tp_as_sequence && t->tp_as_sequence->sq_length)
        n = t->tp_as_sequence->sq_length(o);
    else
        return 1;
    return n < 0 ? -1 : n > 0;
}

OURO_API int ouro_object_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    ouro_traverseproc f = OURO_TYPE(o)->tp_traverse;
    return f ? f(o, visit, arg) : 0;
}

OuroObject *ou_object_self_iter(OuroObject *o)
{
    return OURO_NEWREF(o);
}

/* ------------------------------------------------------- repr recursion guard -- */

int ou_repr_enter(OuroObject *o)
{
    struct OuroThreadState *ts = ou_tstate();
    for (int i = 0; i < ts->repr_len; i++)
        if (ts->repr_stack[i] == o)
            return 1;
    if (ts->repr_len == ts->repr_cap) {
        int cap = ts->repr_cap ? ts->repr_cap * 2 : 16;
        OuroObject **s = ou_mem_realloc(ts->repr_stack, (size_t)cap * sizeof(*s));
        if (!s) {
            ouro_err_no_memory();
            return -1;
        }
        ts->repr_stack = s;
        ts->repr_cap = cap;
    }
    ts->repr_stack[ts->repr_len++] = o;
    return 0;
}

void ou_repr_leave(OuroObject *o)
{
    struct OuroThreadState *ts = ou_tstate();
    /* Usually the top; search down in case an error unwound out of order. */
    for (int i = ts->repr_len - 1; i >= 0; i--) {
        if (ts->repr_stack[i] == o) {
            memmove(ts->repr_stack + i, ts->repr_stack + i + 1,
                    (size_t)(ts->repr_len - i - 1) * sizeof(OuroObject *));
            ts->repr_len--;
            break;
        }
    }
    if (ts->repr_len == 0 && ts->repr_stack) {
        ou_mem_free(ts->repr_stack); /* nothing stays allocated between reprs */
        ts->repr_stack = NULL;
        ts->repr_cap = 0;
    }
}

/* ------------------------------------------------------------- string builder -- */

void ou_strbuf_init(OuStrBuf *b)
{
    b->data = b->small;
    b->len = 0;
    b->cap = sizeof(b->small);
    b->failed = false;
}

static bool strbuf_reserve(OuStrBuf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra <= b->cap)
        return true;
    size_t cap = b->cap * 2;
    while (cap < b->len + extra)
        cap *= 2;
    char *p;
    if (b->data == b->small) {
        p = ou_mem_alloc(cap);
        if (p)
            memcpy(p, b->data, b->len);
    } else {
        p = ou_mem_realloc(b->data, cap);
    }
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void ou_strbuf_append(OuStrBuf *b, const char *s, size_t n)
{
    if (strbuf_reserve(b, n)) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
    }
}

void ou_strbuf_append_cstr(OuStrBuf *b, const char *s) { ou_strbuf_append(b, s, strlen(s)); }

void ou_strbuf_append_char(OuStrBuf *b, char c)
{
    if (strbuf_reserve(b, 1))
        b->data[b->len++] = c;
}

int ou_strbuf_append_str(OuStrBuf *b, OuroObject *s)
{
    ou_strbuf_append(b, ouro_str_utf8(s), (size_t)ouro_str_byte_length(s));
    if (b->failed) {
        ouro_err_no_memory();
        return -1;
    }
    return 0;
}

int ou_strbuf_append_repr(OuStrBuf *b, OuroObject *o)
{
    OuroObject *r = ouro_object_repr(o);
    if (!r)
        return -1;
    int rc = ou_strbuf_append_str(b, r);
    OURO_DECREF(r);
    return rc;
}

void ou_strbuf_discard(OuStrBuf *b)
{
    if (b->data != b->small)
        ou_mem_free(b->data);
    ou_strbuf_init(b);
}

OuroObject *ou_strbuf_finish(OuStrBuf *b)
{
    /* Pieces may be strs holding lone surrogates: accept what str accepts. */
    OuroObject *s = b->failed ? ouro_err_no_memory()
                              : ou_str_from_utf8_surrogates(b->data, b->len);
    ou_strbuf_discard(b);
    return s;
}
