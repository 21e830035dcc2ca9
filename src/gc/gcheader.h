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

/* Counts an allocation of a GC object toward generation 0's threshold and may run a
 * collection (issue 5). Called by ouro_object_alloc before the new object exists. */
void ou_gc_note_alloc(void);
/* Counts a deallocation of a GC object (CPython decrements generation 0's count). */
void ou_gc_note_dealloc(void);

#endif
