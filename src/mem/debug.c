/* src/mem/debug.c — the checks of debug builds (OURO_DEBUG >= 1): fill patterns, an exact
 * allocated-bitmap per pool to catch double and foreign frees. Empty in release builds.
 * Design: docs/internals/allocator.md. */
#include "internal.h"

#if OURO_DEBUG >= 1

static size_t block_index(OuPool *pool, void *b)
{
    return (size_t)((char *)b - pool->first) / pool->size;
}

/* A block leaves the free list: mark it live and fill it with OU_MEM_CLEANBYTE. At level
 * 2, first check that nobody wrote into it while it was free. */
void ou_mem_debug_alloc(OuPool *pool, void *b)
{
    size_t i = block_index(pool, b);
    if (pool->live[i >> 6] & (1ull << (i & 63)))
        ou_fatal("allocator corruption: block %p handed out twice (free list damaged?)", b);
    pool->live[i >> 6] |= 1ull << (i & 63);
#if OURO_DEBUG >= 2
    const unsigned char *s = b;
    for (size_t k = sizeof(OuBlock); k < pool->size; k++)
        if (s[k] != OU_MEM_DEADBYTE)
            ou_fatal("block %p was written after it was freed (byte %zu is 0x%02x)", b, k, s[k]);
#endif
    memset(b, OU_MEM_CLEANBYTE, pool->size);
}

/* p lies in the region: its slot must be taken, and the header at the masked address must
 * be one of h's pools or units. ou_fatal otherwise. */
void ou_mem_debug_check_region(OuHeap *h, void *p)
{
    uintptr_t a = (uintptr_t)p;
    if (!ou_space_slot_taken(a))
        ou_fatal("free of %p: not a block of the allocator (no arena or span there)", p);
    uintptr_t mask = a - ou_space_base < OU_HALF ? OU_POOL_MASK : OU_SLOT_MASK;
    OuPool *pool = (OuPool *)(a & ~mask);
    if (pool->magic != (OU_MAGIC_POOL ^ (uintptr_t)pool))
        ou_fatal("free of %p: not a block of the allocator", p);
    if (pool->heap != h)
        ou_fatal("free of %p: the block belongs to another runtime's heap", p);
}

/* p is about to go back on pool's free list: it must be a live block start. Fills it with
 * OU_MEM_DEADBYTE. ou_fatal on a double free or a pointer that is not a live block. */
void ou_mem_debug_free(OuHeap *h, OuPool *pool, void *b)
{
    char *c = b;
    if (pool->kind == OU_KIND_SPAN || c < pool->first || c >= pool->bump ||
        (size_t)(c - pool->first) % pool->size != 0)
        ou_fatal("free of %p: not the start of a block of the allocator", b);
    size_t i = block_index(pool, b);
    if ((pool->flags & OU_POOL_EMPTY) || !(pool->live[i >> 6] & (1ull << (i & 63))))
        ou_fatal("double free of %p (block of %u bytes)", b, pool->size);
    pool->live[i >> 6] &= ~(1ull << (i & 63));
    memset(b, OU_MEM_DEADBYTE, pool->size);
    OU_UNUSED(h);
}

#else
typedef int ou_mem_debug_empty; /* ISO C wants something in a translation unit */
#endif
