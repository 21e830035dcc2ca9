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

typedef struct OuGCState {
    OuGCGeneration gens[OU_GC_NGEN];
    int enabled;
} OuGCState;

/* Allocates the generation heads. 0, or -1 (out of memory, no exception set). */
int ou_gc_init(OuGCState *gc);
/* Frees the heads. Objects still tracked are leaks: they stay in the heap's accounting. */
void ou_gc_fini(OuGCState *gc);
/* Number of objects on generation gen's list (0..2). */
ouro_ssize ou_gc_list_length(OuGCState *gc, int gen);
/* Checks that every list is a consistent circular list; 0 if so, else -1. O(n). */
int ou_gc_check_lists(OuGCState *gc);

#endif
