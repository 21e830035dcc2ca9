/* src/mem/pool.c — the slow paths of the size classes: carving blocks out of a pool,
 * retiring full pools, taking pools from arenas (small) or units (medium), giving empty
 * pools and arenas back. Design: docs/internals/allocator.md. */
#include "internal.h"
#include <stdlib.h>

/* Blocks carved into the free list per slow-path call: enough to amortize the call,
 * few enough that a fresh pool is touched only as it fills. */
#define CARVE_BYTES 2048

/* ------------------------------------------------------------------- direct / avail -- */

static void sync_one(OuHeap *h, unsigned c)
{
    h->direct[c] = (!h->redirect && h->avail[c]) ? h->avail[c] : &h->empty;
}

/* Recomputes `redirect` and every direct[] entry. Never fails. */
void ou_heap_sync_direct(OuHeap *h)
{
    h->redirect = h->use_malloc || h->fail_countdown != 0 || h->failing;
    for (unsigned c = 0; c < OU_NCLASSES; c++)
        sync_one(h, c);
}

/* New pools go to the head: allocation continues where memory is freshest. */
static void avail_push(OuHeap *h, OuPool *pool)
{
    unsigned c = pool->cls;
    pool->prev = NULL;
    pool->next = h->avail[c];
    if (pool->next)
        pool->next->prev = pool;
    else
        h->avail_tail[c] = pool;
    h->avail[c] = pool;
    sync_one(h, c);
}

/* A full pool that got a block back goes behind the others, so that it collects more
 * free blocks before the fast path reaches it again. */
static void avail_append(OuHeap *h, OuPool *pool)
{
    unsigned c = pool->cls;
    OuPool *tail = h->avail_tail[c];
    if (!tail) {
        avail_push(h, pool);
        return;
    }
    tail->next = pool;
    pool->prev = tail;
    pool->next = NULL;
    h->avail_tail[c] = pool;
}

static void avail_remove(OuHeap *h, OuPool *pool)
{
    unsigned c = pool->cls;
    if (pool->prev)
        pool->prev->next = pool->next;
    else
        h->avail[c] = pool->next;
    if (pool->next)
        pool->next->prev = pool->prev;
    else
        h->avail_tail[c] = pool->prev;
    if (!pool->prev)
        sync_one(h, c);
}

/* ------------------------------------------------------------------ failure injection -- */

/* 1 if this allocation must fail (counted in injected_failures), else 0. */
int ou_heap_inject(OuHeap *h)
{
    if (h->failing) {
        h->injected_failures++;
        return 1;
    }
    if (h->fail_countdown && --h->fail_countdown == 0) {
        h->injected_failures++;
        if (h->fail_every)
            h->failing = true;
        else
            ou_heap_sync_direct(h);
        return 1;
    }
    return 0;
}

/* Arms failure injection (see ou_heap_fail_after in mem.h). Never fails. */
void ou_heap_fail_after(OuHeap *h, uint64_t n, int every_after)
{
    h->fail_countdown = n;
    h->fail_every = n && every_after;
    h->failing = false;
    ou_heap_sync_direct(h);
}

/* ------------------------------------------------------------------------- carving -- */

/* Sets up pool (at the start of `span` bytes) for class c, all blocks uncarved. */
static void pool_init(OuHeap *h, OuPool *pool, unsigned c, unsigned kind, OuArena *a,
                      size_t span)
{
    size_t hdr = kind == OU_KIND_SMALL ? OU_POOL_HDR : OU_UNIT_HDR;
    char *first = (char *)pool + hdr;
    uint32_t size = ou_mem_class_size[c];
    pool->free = NULL;
    pool->used = 0;
    pool->flags = 0;
    pool->bump = first;
    pool->limit = first + (span - hdr) / size * size;
    pool->next = pool->prev = NULL;
    pool->size = size;
    pool->cls = (uint16_t)c;
    pool->kind = (uint16_t)kind;
    pool->arena = a;
    pool->heap = h;
    pool->magic = OU_MAGIC_POOL ^ (uintptr_t)pool;
#if OURO_DEBUG >= 1
    pool->first = first;
    memset(pool->live, 0, sizeof pool->live);
#endif
    OU_ASAN_POISON(first, span - hdr);
}

/* Threads up to CARVE_BYTES of never-used blocks onto the (empty) free list, in address
 * order. Needs bump < limit. Debug builds fill them as freed blocks (past the link). */
static void carve(OuPool *pool)
{
    size_t size = pool->size;
    size_t room = (size_t)(pool->limit - pool->bump) / size;
    size_t k = CARVE_BYTES / size;
    if (k == 0)
        k = 1;
    if (k > room)
        k = room;
    char *b = pool->bump;
    for (size_t i = 0; i < k; i++, b += size) {
        OU_ASAN_UNPOISON(b, size);
#if OURO_DEBUG >= 1
        memset(b + sizeof(OuBlock), OU_MEM_DEADBYTE, size - sizeof(OuBlock));
#endif
        ((OuBlock *)b)->next = i + 1 < k ? (OuBlock *)(b + size) : NULL;
        OU_ASAN_POISON(b, size);
    }
    pool->free = (OuBlock *)pool->bump;
    pool->bump = b;
}

/* ------------------------------------------------------------------------- arenas -- */

static void usable_push(OuHeap *h, OuArena *a, int at_tail)
{
    a->on_usable = true;
    if (at_tail) {
        a->next = NULL;
        a->prev = h->usable_tail;
        if (a->prev)
            a->prev->next = a;
        else
            h->usable = a;
        h->usable_tail = a;
    } else {
        a->prev = NULL;
        a->next = h->usable;
        if (a->next)
            a->next->prev = a;
        else
            h->usable_tail = a;
        h->usable = a;
    }
}

static void usable_remove(OuHeap *h, OuArena *a)
{
    a->on_usable = false;
    if (a->prev)
        a->prev->next = a->next;
    else
        h->usable = a->next;
    if (a->next)
        a->next->prev = a->prev;
    else
        h->usable_tail = a->prev;
}

static void arenas_link(OuHeap *h, OuArena *a)
{
    a->all_prev = NULL;
    a->all_next = h->arenas;
    if (a->all_next)
        a->all_next->all_prev = a;
    h->arenas = a;
}

static void arenas_unlink(OuHeap *h, OuArena *a)
{
    if (a->all_prev)
        a->all_prev->all_next = a->all_next;
    else
        h->arenas = a->all_next;
    if (a->all_next)
        a->all_next->all_prev = a->all_prev;
}

/* Decommits an arena, gives its slots back and frees its struct. Never fails. */
static void arena_release(OuHeap *h, OuArena *a)
{
    ou_space_decommit(a->base, OU_ARENA_SIZE);
    ou_space_give(a->base, OU_ARENA_SLOTS);
    free(a);
    h->narenas--;
    h->arenas_released++;
}

/* Returns an arena with a free pool, now at the head of h->usable: the spare, or a new
 * one committed from the space. NULL when the pool half or the system is exhausted. */
static OuArena *arena_new(OuHeap *h)
{
    OuArena *a = h->spare;
    if (a) {
        h->spare = NULL;
    } else {
        a = malloc(sizeof *a);
        if (!a)
            return NULL;
        char *base = ou_space_take(0, OU_ARENA_SLOTS, OU_ARENA_SLOTS);
        if (!base) {
            free(a);
            return NULL;
        }
        if (ou_space_commit(base, OU_ARENA_SIZE) != 0) {
            ou_space_give(base, OU_ARENA_SLOTS);
            free(a);
            return NULL;
        }
        memset(a, 0, sizeof *a);
        a->base = base;
        a->nfree = OU_ARENA_POOLS;
        h->narenas++;
        h->arenas_allocated++;
        if (h->narenas > h->arenas_peak)
            h->arenas_peak = h->narenas;
    }
    arenas_link(h, a);
    usable_push(h, a, 0);
    return a;
}

/* The arena has no pool in use: keep it as the spare, or release it. */
static void arena_emptied(OuHeap *h, OuArena *a)
{
    if (a->on_usable)
        usable_remove(h, a);
    arenas_unlink(h, a);
    if (!h->spare)
        h->spare = a;
    else
        arena_release(h, a);
}

/* Returns a pool of small class c at the head of avail[c], or NULL. A pool emptied while
 * of class c is taken back as it was: its free list still threads all its carved blocks. */
static OuPool *small_pool_new(OuHeap *h, unsigned c)
{
    OuArena *a = h->usable;
    if (!a && !(a = arena_new(h)))
        return NULL;
    OuPool *pool = a->free_pools;
    if (pool) {
        a->free_pools = pool->next;
        if (pool->cls == c)
            pool->flags = 0;
        else
            pool_init(h, pool, c, OU_KIND_SMALL, a, OU_POOL_SIZE);
    } else {
        pool = (OuPool *)(a->base + (size_t)a->nfresh++ * OU_POOL_SIZE);
        pool_init(h, pool, c, OU_KIND_SMALL, a, OU_POOL_SIZE);
    }
    if (--a->nfree == 0)
        usable_remove(h, a);
    avail_push(h, pool);
    return pool;
}

/* Returns a medium pool (one unit slot) of class c at the head of avail[c], or NULL. */
static OuPool *medium_pool_new(OuHeap *h, unsigned c)
{
    OuUnit *u = ou_mem_unit_take(h, 1, OU_SLOT_SIZE, (int)c);
    if (!u)
        return NULL;
    OuPool *pool = &u->pool;
    if (pool->kind == OU_KIND_MEDIUM && pool->cls == c && pool->heap == h && pool->used == 0)
        pool->flags = 0;
    else
        pool_init(h, pool, c, OU_KIND_MEDIUM, NULL, OU_SLOT_SIZE);
    avail_push(h, pool);
    return pool;
}

/* ---------------------------------------------------------------------- slow paths -- */

/* Allocation of class c when the head pool's free list is empty (or when redirected).
 * Returns a block, or NULL when memory is exhausted or a failure is injected. */
void *ou_heap_alloc_slow(OuHeap *h, unsigned c, int object)
{
    if (h->redirect) {
        if (ou_heap_inject(h))
            return NULL;
        if (h->use_malloc)
            return ou_mem_sys_alloc(h, ou_mem_class_size[c], c, object);
    }
    for (;;) {
        OuPool *pool = h->avail[c];
        if (!pool) {
            pool = c < OU_NSMALL ? small_pool_new(h, c) : medium_pool_new(h, c);
            if (!pool)
                return NULL;
        }
        if (!pool->free) {
            if (pool->bump == pool->limit) { /* exhausted: retire it */
                avail_remove(h, pool);
                pool->flags = OU_POOL_FULL;
                continue;
            }
            carve(pool);
        }
        OuBlock *b = pool->free;
        OU_ASAN_UNPOISON(b, pool->size);
        pool->free = b->next;
        pool->used++;
        ou_heap_note_alloc(h, pool->size);
#if OURO_DEBUG >= 1
        ou_mem_debug_alloc(pool, b);
#endif
        return b;
    }
}

/* Gives the empty pool (flags == 0, on its avail list) back to its arena (small) or to
 * the unit cache (medium). Never fails. */
static void pool_release(OuHeap *h, OuPool *pool)
{
    avail_remove(h, pool);
    pool->flags = OU_POOL_EMPTY;
    if (pool->kind != OU_KIND_SMALL) {
        ou_mem_unit_put(h, (OuUnit *)pool);
        return;
    }
    OuArena *a = pool->arena;
    pool->next = a->free_pools;
    a->free_pools = pool;
    if (a->nfree++ == 0)
        usable_push(h, a, 1);
    if (a->nfree == OU_ARENA_POOLS)
        arena_emptied(h, a);
}

static int still_empty(const OuPool *pool)
{
    return pool->used == 0 && pool->flags == 0;
}

/* Gives back every deferred pool that is still empty. Never fails. */
static void release_deferred(OuHeap *h)
{
    for (unsigned c = 0; c < OU_NSMALL; c++) {
        OuPool *d = h->deferred[c];
        h->deferred[c] = NULL;
        if (d && still_empty(d))
            pool_release(h, d);
    }
}

/* The pool's last block was freed and the pool is on its avail list (flags == 0). A small
 * pool becomes its class's deferred pool (staying on the list) unless the class already
 * has an empty one; it is given back otherwise, and with every deferred pool once
 * nothing at all is in use. Never fails. */
void ou_heap_pool_emptied(OuHeap *h, OuPool *pool)
{
    if (pool->kind == OU_KIND_SMALL && h->live != 0) {
        OuPool *d = h->deferred[pool->cls];
        if (d == pool)
            return;
        if (!d || !still_empty(d)) {
            h->deferred[pool->cls] = pool;
            return;
        }
    }
    if (pool->kind == OU_KIND_SMALL && h->deferred[pool->cls] == pool)
        h->deferred[pool->cls] = NULL;
    pool_release(h, pool);
    if (h->live == 0)
        release_deferred(h);
}

/* Gives back what the heap keeps for reuse without needing it: deferred pools, cached
 * units, the spare arena. Never fails. */
void ou_heap_trim(OuHeap *h)
{
    release_deferred(h);
    while (h->cache)
        ou_mem_unit_release(h, h->cache);
    if (h->spare) {
        arena_release(h, h->spare);
        h->spare = NULL;
    }
}

/* Frees p into pool when the fast path could not: a full pool, a medium pool. */
void ou_heap_pool_free(OuHeap *h, OuPool *pool, void *p)
{
#if OURO_DEBUG >= 1
    ou_mem_debug_free(h, pool, p);
#endif
    OuBlock *b = p;
    b->next = pool->free;
    pool->free = b;
    OU_ASAN_POISON(b, pool->size);
    h->live -= pool->size;
    h->frees++;
    if (pool->flags & OU_POOL_FULL) {
        pool->flags = 0;
        avail_append(h, pool);
    }
    if (--pool->used == 0)
        ou_heap_pool_emptied(h, pool);
}

/* Releases every arena (and the spare) and every unit, used or cached. Never fails. */
void ou_heap_release_all(OuHeap *h)
{
    while (h->arenas) {
        OuArena *a = h->arenas;
        arenas_unlink(h, a);
        arena_release(h, a);
    }
    if (h->spare) {
        arena_release(h, h->spare);
        h->spare = NULL;
    }
    h->usable = h->usable_tail = NULL;
    while (h->units)
        ou_mem_unit_release(h, h->units);
    while (h->cache)
        ou_mem_unit_release(h, h->cache);
    for (unsigned c = 0; c < OU_NCLASSES; c++)
        h->avail[c] = h->avail_tail[c] = NULL;
    memset(h->deferred, 0, sizeof h->deferred);
    ou_heap_sync_direct(h);
}
