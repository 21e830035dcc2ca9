/* src/objects/weakrefobject.h — weak references, internal side (issue 6): the layout of
 * ref/proxy objects, the hook ouro_dealloc calls, and what the collector (issue 5) asks.
 * Narrative: docs/internals/weakref.md. Public API: include/ouro/weakref.h. */
#ifndef OU_WEAKREFOBJECT_H
#define OU_WEAKREFOBJECT_H

#include "objects.h"

/* A weak reference (ref, proxy, callable proxy, and subclasses of ref).
 * Invariant: while wr_object is non-NULL, the ref is on the referent's list (the
 * pointer at tp_weaklistoffset is its head, linked by wr_prev/wr_next); once the
 * referent dies wr_object is NULL and the ref is on no list. The plain ref and plain
 * proxy (no callback, exact type) come first on the list and are shared. */
typedef struct OuWeakRef {
    OuroObject ob_base;
    OuroObject *wr_object;           /* the referent (borrowed), NULL once dead */
    OuroObject *wr_callback;         /* owned, or NULL */
    ouro_hash hash;                  /* the referent's hash once asked, else -1 */
    struct OuWeakRef *wr_prev, *wr_next;
} OuWeakRef;

extern OuroType ouro_weakref_type, ou_weakproxy_type, ou_weakcallableproxy_type;

/* The head of o's weakref list (NULL if o's type has no list). Never fails. */
static inline OuroObject **ou_weakref_list_of(OuroObject *o)
{
    ouro_ssize off = OURO_TYPE(o)->tp_weaklistoffset;
    return off > 0 ? (OuroObject **)((char *)o + off) : NULL;
}

/* Called by ouro_dealloc after the finalizer and before tp_dealloc when o's list is not
 * empty: clears every weakref to o and calls the callbacks (most recently registered
 * first); exceptions in callbacks are reported as unraisable. The pending exception is
 * kept. Never fails. */
void ou_weakref_clear_refs(OuroObject *o);

/* ---------------------------------------------------------------- the collector --
 * During a collection the collector sets OU_OBFLAG_GC_UNREACHABLE (high byte of ob_tinfo;
 * object.c uses bit 24 for "finalized") on every object of the unreachable set, calls
 * ou_weakref_clear_for_gc on each of them, and removes the flag afterwards. */
#define OU_OBFLAG_GC_UNREACHABLE (1u << 25)

/* Clears every weakref to o (o becomes dead to them, forever: a referent resurrected
 * later by a finalizer stays dead) without calling callbacks. Each cleared ref that has
 * a callback and is not itself unreachable (flag above) is appended to callbacks (a
 * list; the list holds a new reference to the ref). Returns the number of refs cleared,
 * or -1 with MemoryError if an append failed (the refs are cleared all the same). */
int ou_weakref_clear_for_gc(OuroObject *o, OuroObject *callbacks);

/* Calls ref's callback with ref as argument (a ref cleared by the function above; call
 * it once per such ref). The ref keeps its callback, as CPython's (__callback__ still
 * answers after a collection). An exception is reported as unraisable. Never fails. */
void ou_weakref_run_callback(OuroObject *ref);

/* The dealloc/traverse/clear shared by ref and the proxy types (weakproxy.c). */
void ou_weakref_dealloc_common(OuroObject *o);
int ou_weakref_traverse_common(OuroObject *o, ouro_visitproc visit, void *arg);
int ou_weakref_clear_common(OuroObject *o);

/* Number of weakrefs to o (0 if o cannot have any). Never fails. */
ouro_ssize ou_weakref_count(OuroObject *o);

#endif
