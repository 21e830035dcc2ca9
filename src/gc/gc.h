/* src/gc/gc.h — the collector's per-runtime state (internal). The collection algorithm is
 * issue 5's; this layer already owns the generation lists every tracked object is on.
 *
 * Invariant: every tracked object is on exactly one generation list (a circular list of
 * OuGCHead through compressed links, whose sentinel head lives in the heap so that it is
 * inside the compression window); an untracked object has gc_next == 0. */
#ifndef OU_GC_H
#define OU_GC_H

#include "gcheader.h"

#define OU_GC_NGEN 3

typedef struct OuGCGeneration {
    OuGCHead *head;   /* sentinel of the circular list */
    int count;        /* gen 0: allocations minus deallocations; older: collections of
                         the younger generation since this one was collected */
    int threshold;
} OuGCGeneration;

/* Cumulative figures of one generation's collections (gc.get_stats()). */
typedef struct OuGCStats {
    ouro_ssize collections, collected, uncollectable;
    double duration;  /* seconds, all collections of this generation */
} OuGCStats;

/* gc.set_debug flags (CPython's values). */
enum {
    OU_GC_DEBUG_STATS = 1, OU_GC_DEBUG_COLLECTABLE = 2, OU_GC_DEBUG_UNCOLLECTABLE = 4,
    OU_GC_DEBUG_SAVEALL = 32, OU_GC_DEBUG_LEAK = 2 | 4 | 32,
};

/* Lists a tracked object can be on: exactly one of gens[0..2].head or permanent (frozen)
 * between collections; during one, also the collector's scratch lists (collect.c). */
typedef struct OuGCState {
    OuGCGeneration gens[OU_GC_NGEN];
    OuGCHead *permanent;       /* gc.freeze()'s generation: never collected */
    OuGCHead *scratch[3];      /* sentinels of the collection's working lists */
    int enabled;
    int collecting;            /* a collection runs: another one is refused quietly */
    int debug;                 /* OU_GC_DEBUG_* */
    int stress;                /* OURO_GCSTRESS: collect at every tracked allocation */
    ouro_ssize long_lived_total, long_lived_pending; /* the long-lived-objects rule */
    OuGCStats stats[OU_GC_NGEN];
    uint64_t visited;          /* objects examined by the last collection */
    double last_duration;      /* seconds taken by the last collection */
    OuroObject *garbage;       /* gc.garbage (list, owned) or NULL until asked */
    OuroObject *callbacks;     /* gc.callbacks (list, owned) or NULL until asked */
} OuGCState;

/* Allocates the generation heads. 0, or -1 (out of memory, no exception set). */
int ou_gc_init(OuGCState *gc);
/* Frees the heads. Objects still tracked are leaks: they stay in the heap's accounting. */
void ou_gc_fini(OuGCState *gc);
/* Runs a collection of generations 0..gen (gc.collect): the gc.callbacks are told, the
 * statistics kept. Returns the number of unreachable objects found (collected plus
 * uncollectable); 0 if a collection is already running (refused quietly, as CPython).
 * Never fails: errors inside are reported as unraisable. */
ouro_ssize ou_gc_collect(int gen);
/* From an allocation (ou_gc_note_alloc): collects the oldest generation whose count is over
 * its threshold (with the long-lived-objects rule for the oldest), as CPython's
 * collect_generations; ou_gc_collect_stress (OURO_GCSTRESS) does the same with generation
 * 0 always due. Never fail. */
void ou_gc_collect_generations(void);
void ou_gc_collect_stress(void);
/* Collects until nothing more is found (at most a few rounds): at runtime teardown, with
 * no callbacks, the way CPython's finalization collects. Never fails. */
void ou_gc_collect_final(void);
/* Moves every tracked object to the permanent generation / back to the oldest one. */
void ou_gc_freeze(void);
void ou_gc_unfreeze(void);
/* Number of objects on the list whose sentinel is head. */
ouro_ssize ou_gc_head_length(OuGCHead *head);
/* Releases gc.garbage and gc.callbacks (runtime teardown, before the final collection
 * would report into them). Never fails. */
void ou_gc_clear_lists(OuGCState *gc);
/* Number of objects on generation gen's list (0..2). */
ouro_ssize ou_gc_list_length(OuGCState *gc, int gen);
/* Checks that every list is a consistent circular list; 0 if so, else -1. O(n). */
int ou_gc_check_lists(OuGCState *gc);

#endif
