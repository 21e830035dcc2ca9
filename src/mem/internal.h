/* src/mem/internal.h — what the files of src/mem/ share beyond fast.h: arenas, units,
 * system blocks, cross-file calls. The narrative, the diagrams and the reasons:
 * docs/internals/allocator.md. */
#ifndef OU_MEM_INTERNAL_H
#define OU_MEM_INTERNAL_H

#include "mem.h"
#include <string.h>

/* An arena: 1 MiB of the pool half, committed, owned by one heap. The struct itself is
 * malloc'd (outside the region) so that every pool of the arena holds blocks.
 *   nfree == (pools on free_pools) + (OU_ARENA_POOLS - nfresh)
 *   on heap->usable   iff nfree > 0 and the arena is not the spare;
 *   heap->spare       an arena with nfree == OU_ARENA_POOLS kept committed (at most one). */
typedef struct OuArena {
    char *base;
    OuPool *free_pools;     /* emptied pools, linked by next (flags == EMPTY) */
    uint32_t nfree;         /* pools not in use */
    uint32_t nfresh;        /* pools [0, nfresh) have been carved at least once */
    struct OuArena *next, *prev;         /* heap->usable */
    struct OuArena *all_next, *all_prev; /* heap->arenas: every arena but the spare */
    bool on_usable;
} OuArena;

/* A unit of the unit half: nslots 64 KiB slots, its header at the start.
 *   kind MEDIUM: a pool of a medium class (one slot, all committed);
 *   kind SPAN:   one large object of nbytes (accounted) right after the header.
 * In use: on heap->units. Freed: on heap->cache (flags == EMPTY), up to OU_CACHE_* limits,
 * else decommitted and given back to the space. */
typedef struct OuUnit {
    OuPool pool;
    struct OuUnit *unext, *uprev;
    size_t nslots;
    size_t committed;       /* bytes committed from the unit's start */
    size_t nbytes;          /* spans: the accounted (and usable) size */
} OuUnit;

#define OU_UNIT_HDR OU_ROUND16(sizeof(OuUnit))
#define OU_CACHE_MAX_UNITS 16
#define OU_CACHE_MAX_BYTES ((size_t)8 << 20)

/* A system block (malloc): this header, then the block (16-byte aligned). Every live one
 * is on heap->sys, so that deleting the heap frees them (valgrind then sees no leak when a
 * runtime's teardown leaves blocks to the heap, as it does with arenas). */
typedef struct OuSysHdr {
    struct OuSysHdr *next, *prev;
    uint64_t size;          /* accounted (and usable) size */
    uint16_t magic;
    uint8_t object;         /* from ou_heap_alloc_object (must stay in the window) */
    uint8_t cls;            /* malloc mode: class of a small/medium block, else 0xff */
    uint32_t pad;
} OuSysHdr;

/* ------------------------------------------------------------------ cross-file calls -- */
/* space.c */
/* Takes nslots free slots (aligned to align slots) in half 0 (pools) or 1 (units).
 * Returns their address, not committed, or NULL when the half is full. */
char *ou_space_take(int half, size_t nslots, size_t align);
/* Takes the `more` slots right after the nslots at p, if all free in the same half.
 * Returns 0, or -1 (nothing taken). */
int ou_space_extend(char *p, size_t nslots, size_t more);
/* Gives slots back (the caller decommitted them first). Never fails. */
void ou_space_give(char *p, size_t nslots);
/* Commits [p, p+len) read-write. Returns 0, or -1 when the system refuses. */
int ou_space_commit(char *p, size_t len);
/* Returns [p, p+len) to the system (RSS drops); the range stays reserved. Never fails. */
void ou_space_decommit(char *p, size_t len);
/* 1 if the slot holding p is taken (debug checks). */
int ou_space_slot_taken(uintptr_t p);
/* The malloc-mode window check of an object block; ou_fatal when outside. */
void ou_space_check_window(void *p, size_t n);

/* Frees p of pool (any state the fast path refused). Never fails. */
void ou_heap_pool_free(OuHeap *h, OuPool *pool, void *p);
/* Releases every arena and unit of h (heap teardown). */
void ou_heap_release_all(OuHeap *h);
/* Sets direct[] from avail[] and the redirect state. */
void ou_heap_sync_direct(OuHeap *h);
/* Failure injection: 1 if this allocation must fail (counted), else 0. */
int ou_heap_inject(OuHeap *h);

/* large.c */
void *ou_mem_sys_alloc(OuHeap *h, size_t n, unsigned cls, int object);
void ou_mem_sys_free(OuHeap *h, void *p);
void *ou_mem_sys_realloc(OuHeap *h, void *p, size_t n);
/* Frees every system block of h (heap teardown). */
void ou_mem_sys_release_all(OuHeap *h);
void *ou_mem_span_alloc(OuHeap *h, size_t n);
void ou_mem_span_free(OuHeap *h, OuUnit *u, void *p);
/* Resizes a span without copying when it can. Returns the block, or NULL: copy it. */
void *ou_mem_span_resize(OuHeap *h, OuUnit *u, size_t n);
/* A unit of nslots with at least `commit` bytes committed (from the cache or the space),
 * header zeroed but for nslots/committed; or NULL. */
OuUnit *ou_mem_unit_take(OuHeap *h, size_t nslots, size_t commit, int want_cls);
/* Caches or releases an unused unit. Never fails. */
void ou_mem_unit_put(OuHeap *h, OuUnit *u);
void ou_mem_unit_release(OuHeap *h, OuUnit *u);

/* debug.c (debug builds) */

static inline size_t ou_pool_capacity(const OuPool *pool, const char *first)
{
    return (size_t)(pool->limit - first) / pool->size;
}

static inline char *ou_pool_first(OuPool *pool)
{
    return (char *)pool + (pool->kind == OU_KIND_SMALL ? OU_POOL_HDR : OU_UNIT_HDR);
}

#endif
