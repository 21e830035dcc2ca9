/* src/mem/stats.c — accounting: the fast paths keep only per-pool counts, the running
 * byte total (for the peak) and the free count; the rest is summed here, on demand.
 * Design: docs/internals/allocator.md. */
#include "internal.h"

static void add_pool(OuroMemStats *out, OuPool *pool)
{
    OuroMemClassStats *cs = &out->classes[pool->cls];
    size_t capacity = ou_pool_capacity(pool, ou_pool_first(pool));
    cs->pools++;
    cs->blocks_in_use += pool->used;
    cs->blocks_free += capacity - pool->used;
}

/* Fills *out with h's accounting. Never fails. O(pools). */
void ou_heap_stats(OuHeap *h, OuroMemStats *out)
{
    memset(out, 0, sizeof *out);
    out->use_malloc = h->use_malloc;
    out->nclasses = OU_NCLASSES;
    for (OuArena *a = h->arenas; a; a = a->all_next) {
        for (unsigned i = 0; i < a->nfresh; i++) {
            OuPool *pool = (OuPool *)(a->base + (size_t)i * OU_POOL_SIZE);
            if (!(pool->flags & OU_POOL_EMPTY))
                add_pool(out, pool);
        }
    }
    for (OuUnit *u = h->units; u; u = u->unext) {
        if (u->pool.kind == OU_KIND_MEDIUM)
            add_pool(out, &u->pool);
    }
    uint64_t blocks = 0;
    for (unsigned c = 0; c < OU_NCLASSES; c++) {
        OuroMemClassStats *cs = &out->classes[c];
        cs->block_size = ou_mem_class_size[c];
        cs->blocks_in_use += h->mm_blocks[c];
        cs->bytes_in_use = cs->blocks_in_use * cs->block_size;
        out->pools_in_use += cs->pools;
        out->small_bytes_in_use += cs->bytes_in_use;
        blocks += cs->blocks_in_use;
    }
    out->arenas_in_use = h->narenas;
    out->arenas_spare = h->spare ? 1 : 0;
    out->arenas_peak = h->arenas_peak;
    out->arenas_allocated_total = h->arenas_allocated;
    out->arenas_released_total = h->arenas_released;
    out->arena_size = OU_ARENA_SIZE;
    out->pool_size = OU_POOL_SIZE;
    out->medium_pool_size = OU_SLOT_SIZE;
    out->spans_in_use = h->span_blocks;
    out->span_bytes_in_use = h->span_bytes;
    out->large_blocks_in_use = h->span_blocks + h->sys_blocks;
    out->large_bytes_in_use = h->span_bytes + h->sys_bytes;
    out->bytes_in_use = out->small_bytes_in_use + out->large_bytes_in_use;
    out->peak_bytes_in_use = h->peak;
    out->frees_total = h->frees;
    out->allocs_total = h->frees + blocks + out->large_blocks_in_use;
    out->injected_failures = h->injected_failures;
    out->units_cached = h->ncache;
    out->committed_bytes = (uint64_t)h->narenas * OU_ARENA_SIZE + h->units_committed;
    OU_ASSERT(out->bytes_in_use == h->live);
}
