/* src/mem/fast.h — the heap and pool structs and the inline fast paths, included by
 * mem.h so that ou_mem_alloc / ou_mem_free inline into their callers. Everything here is
 * the allocator's own: other layers call the functions of mem.h, never touch the fields.
 * Narrative and invariants: docs/internals/allocator.md. */
#ifndef OU_MEM_FAST_H
#define OU_MEM_FAST_H

/* ------------------------------------------------------------------------ geometry --
 * The region (ou_space_base .. +32 GiB) is cut in two halves, told apart by the address:
 *   pool half  [0, 16 GiB):  arenas of 1 MiB, each 64 pools of 16 KiB (small classes);
 *   unit half  [16, 32 GiB): units of one or more 64 KiB slots: a medium pool (one slot)
 *                            or a span (one large object, pages committed as needed).
 * A block's header is found by masking: 16 KiB in the pool half, 64 KiB in the unit half. */
#define OU_POOL_SHIFT 14
#define OU_POOL_SIZE ((size_t)1 << OU_POOL_SHIFT)
#define OU_POOL_MASK ((uintptr_t)OU_POOL_SIZE - 1)
#define OU_ARENA_SHIFT 20
#define OU_ARENA_SIZE ((size_t)1 << OU_ARENA_SHIFT)
#define OU_ARENA_POOLS ((unsigned)(OU_ARENA_SIZE / OU_POOL_SIZE))
#define OU_SLOT_SHIFT 16
#define OU_SLOT_SIZE ((size_t)1 << OU_SLOT_SHIFT)
#define OU_SLOT_MASK ((uintptr_t)OU_SLOT_SIZE - 1)
#define OU_ARENA_SLOTS (OU_ARENA_SIZE / OU_SLOT_SIZE)
#define OU_HALF (OU_SPACE_WINDOW / 2)
#define OU_SPACE_SLOTS ((size_t)(OU_SPACE_WINDOW >> OU_SLOT_SHIFT))
#define OU_HALF_SLOTS (OU_SPACE_SLOTS / 2)
#define OU_PAGE_SIZE ((size_t)4096)

/* Size classes: 0..15 are 8..128 by 8, 16..23 are 144..256 by 16, 24..31 are 288..512 by
 * 32 (OU_NSMALL, served to everyone); 32..51 are the medium classes 640..16352, fitted to
 * 64 KiB pools, served only by ou_heap_alloc_object. Larger objects get spans. */
#define OU_NSMALL 32
#define OU_NMEDIUM 20
#define OU_NCLASSES (OU_NSMALL + OU_NMEDIUM)
#define OU_MEDIUM_MAX 16352
extern const uint32_t ou_mem_class_size[OU_NCLASSES];
extern const uint8_t ou_mem_small_class[OURO_MEM_SMALL_MAX / 8 + 1]; /* by (n + 7) >> 3 */
/* The class of an object of n bytes, OURO_MEM_SMALL_MAX < n <= OU_MEDIUM_MAX. */
unsigned ou_mem_medium_class(size_t n);

#define OU_MAGIC_POOL 0x6f75726f506f6f6cull  /* "ouroPool", xor the header address */
#define OU_MAGIC_SYS 0x5359u                 /* system blocks, live */
#define OU_MAGIC_SYS_FREED 0xdeadu

typedef struct OuBlock {
    struct OuBlock *next;
} OuBlock;

struct OuArena;

enum { OU_KIND_SMALL = 1, OU_KIND_MEDIUM = 2, OU_KIND_SPAN = 3 };
enum {
    OU_POOL_FULL = 1,  /* in use, on no list: no free block, nothing left to carve */
    OU_POOL_EMPTY = 2, /* no block in use: in its arena's free-pool list, or cached */
};

#define OU_DEBUG_BITMAP_WORDS (OU_POOL_SIZE / 8 / 64)

/* A pool: the header at the start of a 16 KiB pool (small classes), or the first part of a
 * unit's header (medium pools, spans). Blocks of one class follow the header.
 *
 * Which list a pool is on:
 *   flags == 0          on heap->avail[cls] (doubly linked, next/prev); the fast paths
 *                       allocate from its head and free into it without any other test;
 *   flags == FULL       on no list (reached again only through its blocks' addresses);
 *   flags == EMPTY      small: on arena->free_pools (next); medium: in heap->cache.
 * Equations (pools in use):
 *   used + (blocks on free) + (limit - bump) / size == capacity
 *   capacity == (limit - first block) / size
 * A pool on an avail list has a free block or bump space, except possibly the list head,
 * whose free list the fast path may have just emptied: the slow path then retires it. */
typedef struct OuPool {
    OuBlock *free;          /* freed blocks and carved-but-unused ones, LIFO */
    uint32_t used;          /* blocks handed out and not yet freed */
    uint32_t flags;         /* OU_POOL_*; zero on the fast free path */
    char *bump;             /* next block never carved */
    char *limit;            /* end of the last whole block */
    struct OuPool *next, *prev;
    uint32_t size;          /* block size: ou_mem_class_size[cls] */
    uint16_t cls;
    uint16_t kind;          /* OU_KIND_* */
    struct OuArena *arena;  /* small pools: their arena; otherwise NULL */
    OuHeap *heap;           /* the owner */
    uint64_t magic;         /* OU_MAGIC_POOL ^ (uintptr_t)pool */
#if OURO_DEBUG >= 1
    char *first;            /* first block */
    uint64_t live[OU_DEBUG_BITMAP_WORDS]; /* bit i: block i is handed out */
#endif
} OuPool;

#define OU_ROUND16(n) (((n) + 15) & ~(size_t)15)
#define OU_POOL_HDR OU_ROUND16(sizeof(OuPool))

struct OuUnit;
struct OuSysHdr;

/* The heap. Its fast paths read direct[], live/peak, and the two window bounds only.
 *   A pool on avail[c] has used > 0, or is deferred[c] (emptied, kept for reuse so that
 *   one object allocated and freed in a loop does not take and give back a pool each
 *   time); deferred pools are all given back when live reaches 0 or at ou_heap_trim.
 *   direct[c] == avail[c], or &empty when avail[c] is NULL or when `redirect` is set
 *   (malloc mode or failure injection: every allocation then takes the slow path).
 *   live == bytes_in_use of the stats == sum of accounted sizes of live blocks.
 *   allocs == frees + blocks in use (derived in stats; only frees is counted). */
struct OuHeap {
    OuPool *direct[OU_NCLASSES];
    uint64_t live, peak, frees;
    uintptr_t lo;           /* ou_space_base (region mode) */
    uintptr_t pool_len;     /* OU_HALF, or 0 in malloc mode: the free fast path's window */
    uintptr_t region_len;   /* OU_SPACE_WINDOW, or 0 in malloc mode */
    OuPool *avail[OU_NCLASSES], *avail_tail[OU_NCLASSES];
    OuPool *deferred[OU_NSMALL]; /* an emptied small pool left on its avail list; stale
                                  * (reused since) when its used != 0 */
    OuPool empty;           /* sentinel: its free list is always empty */
    bool use_malloc;
    bool redirect;
    bool fail_every, failing;
    uint64_t fail_countdown;
    uint64_t injected_failures;
    struct OuArena *usable, *usable_tail, *arenas, *spare;
    uint64_t narenas, arenas_peak, arenas_allocated, arenas_released;
    struct OuUnit *units, *cache, *cache_tail;
    uint64_t ncache, cache_bytes;
    uint64_t span_blocks, span_bytes, sys_blocks, sys_bytes;
    struct OuSysHdr *sys;       /* live system blocks */
    uint64_t units_committed;   /* bytes committed by units in use and cached */
    uint64_t mm_blocks[OU_NCLASSES]; /* malloc mode: live blocks per class */
};

/* Slow paths (pool.c) and debug hooks (debug.c) the inline fast paths call. */
/* Allocation of class c when the head pool's free list is empty (or when redirected).
 * Returns a block, or NULL (memory exhausted, failure injected). */
void *ou_heap_alloc_slow(OuHeap *h, unsigned c, int object);
/* The pool's last block was freed (flags == 0): keeps or gives back the pool. */
void ou_heap_pool_emptied(OuHeap *h, OuPool *pool);
void ou_mem_debug_alloc(OuPool *pool, void *b);
void ou_mem_debug_free(OuHeap *h, OuPool *pool, void *b);
void ou_mem_debug_check_region(OuHeap *h, void *p);

static inline void ou_heap_note_alloc(OuHeap *h, uint64_t size)
{
    uint64_t live = h->live + size;
    h->live = live;
    if (OU_UNLIKELY(live > h->peak))
        h->peak = live;
}

/* The fast path of every class: pop the head pool's free list. Returns a block, or NULL. */
static inline void *ou_heap_alloc_class(OuHeap *h, unsigned c, int object)
{
    OuPool *pool = h->direct[c];
    OuBlock *b = pool->free;
    if (OU_LIKELY(b != NULL)) {
        OU_ASAN_UNPOISON(b, pool->size);
        pool->free = b->next;
        pool->used++;
        ou_heap_note_alloc(h, pool->size);
#if OURO_DEBUG >= 1
        ou_mem_debug_alloc(pool, b);
#endif
        return b;
    }
    return ou_heap_alloc_slow(h, c, object);
}

/* The free fast path: p in the pool half, its pool available (flags == 0). Returns 1 if p
 * was freed, 0 if the caller must take the general path (nothing done then). */
static inline int ou_heap_free_fast(OuHeap *h, void *p)
{
    uintptr_t off = (uintptr_t)p - h->lo;
    if (OU_LIKELY(off < h->pool_len)) {
        OuPool *pool = (OuPool *)((uintptr_t)p & ~OU_POOL_MASK);
#if OURO_DEBUG >= 1
        ou_mem_debug_check_region(h, p);
#endif
        if (OU_LIKELY(pool->flags == 0)) {
#if OURO_DEBUG >= 1
            ou_mem_debug_free(h, pool, p);
#endif
            OuBlock *b = p;
            b->next = pool->free;
            pool->free = b;
            OU_ASAN_POISON(b, pool->size);
            h->live -= pool->size;
            h->frees++;
            if (OU_UNLIKELY(--pool->used == 0))
                ou_heap_pool_emptied(h, pool);
            return 1;
        }
    }
    return 0;
}

#endif
