/* include/ouro/mem.h — public view of the allocator: accounting and test hooks.
 * Part of ouro.h; do not include directly. */
#ifndef OURO_MEM_H
#define OURO_MEM_H

/* Size classes of the small-object allocator: 8-byte steps up to 128 bytes, 16-byte steps
 * to 256, 32-byte steps up to OURO_MEM_SMALL_MAX. Requests above it are "large", except
 * that objects (GC-tracked blocks) up to about 16 KiB get "medium" classes too: stats list
 * them after the small ones (docs/internals/allocator.md). */
#define OURO_MEM_SMALL_MAX 512
#define OURO_MEM_MAX_CLASSES 64

typedef struct OuroMemClassStats {
    uint32_t block_size;      /* bytes per block of this class */
    uint64_t blocks_in_use;   /* live blocks */
    uint64_t bytes_in_use;    /* blocks_in_use * block_size */
    uint64_t pools;           /* pools (pages) currently carved for this class */
    uint64_t blocks_free;     /* free blocks inside those pools */
} OuroMemClassStats;

typedef struct OuroMemStats {
    int use_malloc;                    /* 1 when OURO_MALLOC=malloc routes to the system */
    uint32_t nclasses;                 /* entries used in classes[] */
    OuroMemClassStats classes[OURO_MEM_MAX_CLASSES];
    uint64_t arenas_in_use, arenas_peak, arenas_allocated_total, arenas_released_total;
    uint64_t arena_size, pool_size;    /* bytes */
    uint64_t pools_in_use;
    uint64_t small_bytes_in_use;       /* sum of classes[].bytes_in_use */
    uint64_t large_blocks_in_use, large_bytes_in_use;
    uint64_t bytes_in_use;             /* small + large, as requested-size rounded to blocks */
    uint64_t peak_bytes_in_use;
    uint64_t allocs_total, frees_total;
    uint64_t injected_failures;        /* allocations made to fail by ouro_mem_fail_* */
    uint64_t arenas_spare;             /* empty arenas kept committed (counted in _in_use) */
    uint64_t medium_pool_size;         /* bytes of a medium-class pool */
    uint64_t spans_in_use, span_bytes_in_use; /* large objects in the region (in large_*) */
    uint64_t units_cached;             /* freed medium pools and spans kept for reuse */
    uint64_t committed_bytes;          /* region memory this heap holds committed */
} OuroMemStats;

/* Fills *out with the current runtime's allocator accounting. Never fails. */
OURO_API void ouro_mem_stats(OuroMemStats *out);

/* Failure injection for tests: the n-th allocation from now (n >= 1) fails; with
 * every_after, every allocation after it fails too. n == 0 turns injection off. */
OURO_API void ouro_mem_fail_after(uint64_t n, int every_after);

/* Raw memory from the current runtime's allocator, for C code embedding ouro.
 * Returns NULL on failure (no exception set). ouro_mem_free(NULL) does nothing. */
OURO_API void *ouro_mem_malloc(size_t n);
OURO_API void *ouro_mem_realloc(void *p, size_t n);
OURO_API void ouro_mem_free(void *p);

#endif
