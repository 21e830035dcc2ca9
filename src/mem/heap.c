/* src/mem/heap.c — heaps and the fast paths: allocate from the head pool of a class, free
 * into the pool found by masking the address. Everything else is a slow path (pool.c,
 * large.c). Design: docs/internals/allocator.md. */
#include "internal.h"
#include <stdlib.h>

const uint32_t ou_mem_class_size[OU_NCLASSES] = {
    8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128,      /* 0..15 */
    144, 160, 176, 192, 208, 224, 240, 256,                                 /* 16..23 */
    288, 320, 352, 384, 416, 448, 480, 512,                                 /* 24..31 */
    /* medium: 64 KiB pools; the larger ones are the biggest multiple of 16 that fits
     * k blocks in a pool (18, 16, 14, 12, 10, 8, 7, 6, 5, 4 blocks). */
    640, 768, 896, 1024, 1280, 1536, 1792, 2048, 2560, 3072,               /* 32..41 */
    3632, 4080, 4672, 5440, 6528, 8176, 9344, 10896, 13072, 16352,         /* 42..51 */
};

/* Entry i: the smallest small class holding 8*i bytes (entry 0: n == 0, served as 1). */
const uint8_t ou_mem_small_class[OURO_MEM_SMALL_MAX / 8 + 1] = {
    0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 16, 17, 17, 18, 18, 19,
    19, 20, 20, 21, 21, 22, 22, 23, 23, 24, 24, 24, 24, 25, 25, 25, 25, 26, 26, 26, 26, 27,
    27, 27, 27, 28, 28, 28, 28, 29, 29, 29, 29, 30, 30, 30, 30, 31, 31, 31, 31,
};

/* The smallest medium class holding n bytes (512 < n <= OU_MEDIUM_MAX). Never fails. */
unsigned ou_mem_medium_class(size_t n)
{
    unsigned lo = OU_NSMALL, hi = OU_NCLASSES - 1;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if (ou_mem_class_size[mid] >= n)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Returns a new empty heap, or NULL if out of memory (or the space cannot be reserved). */
OuHeap *ou_heap_new(void)
{
    if (ou_space_init() != 0)
        return NULL;
    OuHeap *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->use_malloc = ou_space_use_malloc() != 0;
    if (!h->use_malloc) {
        h->lo = ou_space_base;
        h->pool_len = OU_HALF;
        h->region_len = OU_SPACE_WINDOW;
    }
    ou_heap_sync_direct(h);
    return h;
}

/* Releases the heap and all its memory: arenas, units, system blocks. h may be NULL. */
void ou_heap_delete(OuHeap *h)
{
    if (!h)
        return;
    ou_heap_release_all(h);
    ou_mem_sys_release_all(h);
    free(h);
}

/* Returns a block of at least n bytes, or NULL (memory exhausted or failure injected). */
void *ou_heap_alloc(OuHeap *h, size_t n)
{
    if (OU_LIKELY(n <= OURO_MEM_SMALL_MAX))
        return ou_heap_alloc_class(h, ou_mem_small_class[(n + 7) >> 3], 0);
    if (OU_UNLIKELY(h->redirect) && ou_heap_inject(h))
        return NULL;
    return ou_mem_sys_alloc(h, n, 0xff, 0);
}

/* As ou_heap_alloc, but inside the compression window. Returns the block, or NULL. */
void *ou_heap_alloc_object(OuHeap *h, size_t n)
{
    if (OU_LIKELY(n <= OURO_MEM_SMALL_MAX))
        return ou_heap_alloc_class(h, ou_mem_small_class[(n + 7) >> 3], 1);
    if (n <= OU_MEDIUM_MAX)
        return ou_heap_alloc_class(h, ou_mem_medium_class(n), 1);
    if (OU_UNLIKELY(h->redirect)) {
        if (ou_heap_inject(h))
            return NULL;
        if (h->use_malloc)
            return ou_mem_sys_alloc(h, n, 0xff, 1);
    }
    return ou_mem_span_alloc(h, n);
}

/* Frees a block of any kind, told apart by its address. Never fails (debug builds
 * ou_fatal on a double or foreign free). */
void ou_heap_free(OuHeap *h, void *p)
{
    if (OU_LIKELY(ou_heap_free_fast(h, p)))
        return;
    uintptr_t off = (uintptr_t)p - h->lo;
    if (off < h->pool_len) { /* a full pool, or a bad pointer for the debug checks */
        ou_heap_pool_free(h, (OuPool *)((uintptr_t)p & ~OU_POOL_MASK), p);
        return;
    }
    if (!p)
        return;
    if (off < h->region_len) {
#if OURO_DEBUG >= 1
        ou_mem_debug_check_region(h, p);
#endif
        OuUnit *u = (OuUnit *)((uintptr_t)p & ~OU_SLOT_MASK);
        if (u->pool.kind == OU_KIND_MEDIUM)
            ou_heap_pool_free(h, &u->pool, p);
        else
            ou_mem_span_free(h, u, p);
        return;
    }
    ou_mem_sys_free(h, p);
}

/* Usable size of the live block p (its class size, or the accounted size for large
 * blocks: the same in both modes). Never fails. */
size_t ou_heap_usable_size(OuHeap *h, void *p)
{
    uintptr_t off = (uintptr_t)p - h->lo;
    if (off < h->pool_len)
        return ((OuPool *)((uintptr_t)p & ~OU_POOL_MASK))->size;
    if (off < h->region_len) {
        OuUnit *u = (OuUnit *)((uintptr_t)p & ~OU_SLOT_MASK);
        return u->pool.kind == OU_KIND_MEDIUM ? u->pool.size : u->nbytes;
    }
    return ((OuSysHdr *)p - 1)->size;
}

/* Moves p to a new block of n bytes of the same kind. Returns it, or NULL (p untouched). */
static void *realloc_move(OuHeap *h, void *p, size_t n, size_t old, int object)
{
    /* The realloc call was the counted allocation: the one inside must not count again. */
    uint64_t countdown = h->fail_countdown;
    bool failing = h->failing;
    h->fail_countdown = 0;
    h->failing = false;
    void *q = object ? ou_heap_alloc_object(h, n) : ou_heap_alloc(h, n);
    h->fail_countdown = countdown;
    h->failing = failing;
    if (!q)
        return NULL;
    memcpy(q, p, old < n ? old : n);
    ou_heap_free(h, p);
    return q;
}

/* Resizes p (NULL: allocates). Every call counts as one allocation for failure injection.
 * Returns the block (maybe p itself), or NULL with p untouched. */
void *ou_heap_realloc(OuHeap *h, void *p, size_t n)
{
    if (!p)
        return ou_heap_alloc(h, n);
    if (OU_UNLIKELY(h->redirect) && ou_heap_inject(h))
        return NULL;
    uintptr_t off = (uintptr_t)p - h->lo;
    size_t old = ou_heap_usable_size(h, p);
    if (off < h->region_len) {
        /* Region blocks may hold objects: they stay in the region. Keep the block while n
         * fits and wastes less than half of it. */
        OuUnit *u = (OuUnit *)((uintptr_t)p & ~OU_SLOT_MASK);
        if (off >= h->pool_len && u->pool.kind == OU_KIND_SPAN) {
            void *q = n > OU_MEDIUM_MAX ? ou_mem_span_resize(h, u, n) : NULL;
            if (q)
                return q;
        } else if (n <= old && (n > old / 2 || old <= 16)) {
            return p;
        }
        return realloc_move(h, p, n, old, 1);
    }
    if (!h->use_malloc && n <= OURO_MEM_SMALL_MAX)
        return realloc_move(h, p, n, old, 0);
    return ou_mem_sys_realloc(h, p, n);
}
