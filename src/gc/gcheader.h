/* src/gc/gcheader.h — the GC header, and what the objects layer may ask of the collector
 * (the one declared upward use of src/gc/ by src/objects/, docs/internals/layers.md).
 *
 * A GC-tracked object is preceded by an 8-byte header: two 32-bit compressed references
 * (src/mem/mem.h) linking it into its generation's circular list. gc_next == 0 means "not
 * tracked". While untracked and being deallocated late (the trashcan), gc_prev chains the
 * deferred objects. During a collection gc_prev holds the scratch count (issue 5). */
#ifndef OU_GCHEADER_H
#define OU_GCHEADER_H

#include "ouro.h"
#include "mem/mem.h"

typedef struct OuGCHead {
    uint32_t gc_next; /* compressed OuGCHead*; 0: untracked */
    uint32_t gc_prev; /* compressed OuGCHead* (or scratch during a collection) */
} OuGCHead;

#define OU_GC_HEAD_SIZE ((ouro_ssize)sizeof(OuGCHead))

static inline OuGCHead *ou_gc_head(const OuroObject *o) { return (OuGCHead *)o - 1; }
static inline OuroObject *ou_gc_object(const OuGCHead *g) { return (OuroObject *)(g + 1); }
static inline bool ou_gc_is_tracked(const OuroObject *o) { return ou_gc_head(o)->gc_next != 0; }
static inline bool ou_type_is_gc(const OuroType *t) { return (t->tp_flags & OURO_TPFLAG_GC) != 0; }

/* Object flags in the high byte of ob_tinfo (the GC header has no spare bits: its links
 * are 32-bit compressed references). Any object may be asked, GC header or not.
 *   FINALIZED:   tp_finalize has run (PEP 442: never twice).
 *   COLLECTING:  on the list a collection is examining (gc_prev is a scratch count while
 *                the collection deduces reachability; the object is garbage-in-waiting
 *                from then until it is cleared or found resurrected).
 *   UNREACHABLE: tentatively unreachable during move_unreachable (collect.c).
 * COLLECTING is the bit src/objects/weakrefobject.h calls OU_OBFLAG_GC_UNREACHABLE: during
 * the weakref phase it marks exactly the garbage set (collect.c checks they agree). */
#define OU_OBFLAG_FINALIZED   (1u << 24)
#define OU_OBFLAG_COLLECTING  (1u << 25)
#define OU_OBFLAG_UNREACHABLE (1u << 26)

/* True while o is part of the set a collection examines or found to be garbage: the
 * weak reference layer asks it of a weakref to decide whether its callback runs. */
static inline bool ou_gc_is_collecting(const OuroObject *o)
{
    return (o->ob_tinfo & OU_OBFLAG_COLLECTING) != 0;
}
/* True when o has a GC header that may be read: a GC type's instance, except the static
 * type objects (type is a GC type for classes only). */
static inline bool ou_gc_has_head(const OuroObject *o)
{
    const OuroType *t = ouro_type(o);
    if (!ou_type_is_gc(t))
        return false;
    return !((t->tp_flags & OURO_TPFLAG_TYPE_SUBCLASS) &&
             !(((const OuroType *)o)->tp_flags & OURO_TPFLAG_HEAPTYPE));
}

/* Counts an allocation of a GC object toward generation 0's threshold and may run a
 * collection (issue 5). Called by ouro_object_alloc before the new object exists. */
void ou_gc_note_alloc(void);
/* Counts a deallocation of a GC object (CPython decrements generation 0's count). */
void ou_gc_note_dealloc(void);

#endif
