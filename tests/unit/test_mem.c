/* tests/unit/test_mem.c — the allocator (src/mem): size classes, large blocks, the window,
 * realloc, arenas given back, accounting, failure injection, stress, debug checks.
 * Runs without a runtime (RUN_BARE) on heaps of its own. Every test also passes with
 * OURO_MALLOC=malloc (make valgrind), checking what that mode promises. */
#include "test.h"
#include "mem/internal.h"
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng(void)
{
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1Dull;
}

static OuroMemStats stats(OuHeap *h)
{
    OuroMemStats st;
    ou_heap_stats(h, &st);
    return st;
}

static int malloc_mode(void)
{
    ou_space_init();
    return ou_space_use_malloc();
}

static int in_window(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    return a > ou_space_base && a - ou_space_base < OU_SPACE_WINDOW &&
           ou_ptr_compress(p) != 0 && ou_ptr_decompress(ou_ptr_compress(p)) == p;
}

static int in_region(const void *p)
{
    return !malloc_mode() && (uintptr_t)p - ou_space_base < OU_SPACE_WINDOW;
}

static long rss_pages(void)
{
    long size = 0, rss = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return -1;
    if (fscanf(f, "%ld %ld", &size, &rss) != 2)
        rss = -1;
    fclose(f);
    return rss;
}

/* ------------------------------------------------------------------- size classes -- */

static void test_class_table(void)
{
    /* Each request maps to the smallest class holding it; 8-byte granularity to 128. */
    for (size_t n = 0; n <= OURO_MEM_SMALL_MAX; n++) {
        unsigned c = ou_mem_small_class[(n + 7) >> 3];
        size_t want = n ? n : 1;
        if (!CHECK(ou_mem_class_size[c] >= want) || !CHECK(c == 0 || ou_mem_class_size[c - 1] < want))
            printf("#   n=%zu class %u\n", n, c);
        if (n >= 1 && n <= 128)
            CHECK_INT(ou_mem_class_size[c], (n + 7) & ~(size_t)7);
    }
    for (size_t n = OURO_MEM_SMALL_MAX + 1; n <= OU_MEDIUM_MAX; n++) {
        unsigned c = ou_mem_medium_class(n);
        if (!CHECK(c >= OU_NSMALL && ou_mem_class_size[c] >= n && ou_mem_class_size[c - 1] < n))
            break;
    }
    for (unsigned c = 0; c < OU_NCLASSES; c++)
        CHECK(ou_mem_class_size[c] % 8 == 0 && (c == 0 || ou_mem_class_size[c] > ou_mem_class_size[c - 1]));
    CHECK_INT(OU_NCLASSES <= OURO_MEM_MAX_CLASSES, 1);
}

/* Every small class: allocate many, write, check alignment and usable size, free, and
 * see freed blocks reused. */
static void test_every_class(void)
{
    OuHeap *h = ou_heap_new();
    enum { N = 3000 };
    static char *blocks[N];
    for (unsigned c = 0; c < OU_NSMALL; c++) {
        size_t size = ou_mem_class_size[c];
        for (int i = 0; i < N; i++) {
            blocks[i] = ou_heap_alloc(h, size);
            if (!CHECK(blocks[i]))
                return;
            memset(blocks[i], (int)(i & 0xff), size);
        }
        OuroMemStats st = stats(h);
        CHECK_INT(st.classes[c].block_size, size);
        CHECK_INT(st.classes[c].blocks_in_use, N);
        CHECK_INT(st.classes[c].bytes_in_use, (uint64_t)N * size);
        CHECK_INT(st.small_bytes_in_use, (uint64_t)N * size);
        if (!st.use_malloc) {
            CHECK(st.classes[c].pools >= (uint64_t)N * size / OU_POOL_SIZE);
            CHECK(st.classes[c].pools <= (uint64_t)N * size / (OU_POOL_SIZE / 2) + 1);
        }
        int bad = 0;
        for (int i = 0; i < N; i++) {
            bad += (uintptr_t)blocks[i] % (size % 16 == 0 ? 16 : 8) != 0;
            bad += ou_heap_usable_size(h, blocks[i]) != size;
            bad += !st.use_malloc && !in_region(blocks[i]);
            for (size_t k = 0; k < size; k++)
                bad += blocks[i][k] != (char)(i & 0xff);
        }
        CHECK_INT(bad, 0);
        for (int i = 0; i < N; i++)
            ou_heap_free(h, blocks[i]);
        st = stats(h);
        CHECK_INT(st.classes[c].blocks_in_use, 0);
        CHECK_INT(st.bytes_in_use, 0);
        /* A freed block is handed out again (LIFO) while its pool lives. */
        char *a = ou_heap_alloc(h, size), *b = ou_heap_alloc(h, size);
        ou_heap_free(h, b);
        char *b2 = ou_heap_alloc(h, size);
        if (!st.use_malloc)
            CHECK(b2 == b);
        ou_heap_free(h, a);
        ou_heap_free(h, b2);
    }
    ou_heap_delete(h);
}

static void test_usable_and_alignment(void)
{
    OuHeap *h = ou_heap_new();
    for (size_t n = 0; n <= 20000; n += n < 600 ? 1 : 97) {
        void *p = ou_heap_alloc(h, n), *o = ou_heap_alloc_object(h, n);
        size_t up = ou_heap_usable_size(h, p), uo = ou_heap_usable_size(h, o);
        if (!CHECK(p && o) || !CHECK(up >= n && uo >= n) ||
            !CHECK((uintptr_t)p % (n > OURO_MEM_SMALL_MAX ? 16 : 8) == 0) ||
            !CHECK((uintptr_t)o % 8 == 0)) {
            printf("#   n=%zu p=%p o=%p up=%zu uo=%zu\n", n, p, o, up, uo);
            break;
        }
        if (n <= OURO_MEM_SMALL_MAX) {
            CHECK_INT(up, ou_mem_class_size[ou_mem_small_class[(n + 7) >> 3]]);
        } else {
            CHECK(uo - n < n / 4 + 16); /* waste of objects stays moderate */
        }
        memset(p, 1, up);
        memset(o, 2, uo);
        ou_heap_free(h, p);
        ou_heap_free(h, o);
    }
    /* The case: a 40-byte object costs 40 bytes, a 1 KiB one 1 KiB. */
    void *o = ou_heap_alloc_object(h, 40), *k = ou_heap_alloc_object(h, 1024);
    CHECK_INT(ou_heap_usable_size(h, o), 40);
    CHECK_INT(ou_heap_usable_size(h, k), 1024);
    CHECK_INT(stats(h).bytes_in_use, 1064);
    ou_heap_free(h, o);
    ou_heap_free(h, k);
    CHECK_INT(stats(h).bytes_in_use, 0);
    ou_heap_delete(h);
}

/* ---------------------------------------------------------------------- large blocks -- */

static void test_large_system(void)
{
    OuHeap *h = ou_heap_new();
    size_t sizes[] = { 513, 1000, 4096, 100000, (size_t)10 << 20 };
    void *p[5];
    uint64_t sum = 0;
    for (int i = 0; i < 5; i++) {
        p[i] = ou_heap_alloc(h, sizes[i]);
        CHECK(p[i] && (uintptr_t)p[i] % 16 == 0);
        CHECK(!in_region(p[i]));
        CHECK(ou_heap_usable_size(h, p[i]) >= sizes[i]);
        memset(p[i], 0x5a, sizes[i]);
        sum += OU_ROUND16(sizes[i]);
    }
    OuroMemStats st = stats(h);
    CHECK_INT(st.large_blocks_in_use, 5);
    CHECK_INT(st.large_bytes_in_use, sum);
    CHECK_INT(st.bytes_in_use, sum);
    CHECK_INT(st.small_bytes_in_use, 0);
    for (int i = 0; i < 5; i++)
        ou_heap_free(h, p[i]);
    st = stats(h);
    CHECK_INT(st.large_blocks_in_use, 0);
    CHECK_INT(st.bytes_in_use, 0);
    ou_heap_delete(h);
}

/* Objects of any size lie in the window; big ones are spans of the region. */
static void test_objects_in_window(void)
{
    OuHeap *h = ou_heap_new();
    enum { N = 400 };
    static void *p[N];
    static size_t sz[N];
    int bad = 0;
    for (int i = 0; i < N; i++) {
        sz[i] = i < 300 ? 1 + (size_t)i * 67 : (size_t)(i - 299) * 9973 + 16000;
        if (i == N - 2)
            sz[i] = (size_t)3 << 20;
        if (i == N - 1)
            sz[i] = (size_t)40 << 20;
        p[i] = ou_heap_alloc_object(h, sz[i]);
        if (!p[i]) {
            bad++;
            continue;
        }
        bad += !in_window(p[i]) || (uintptr_t)p[i] + sz[i] - ou_space_base >= OU_SPACE_WINDOW;
        memset(p[i], i & 0xff, sz[i]);
    }
    CHECK_INT(bad, 0);
    OuroMemStats st = stats(h);
    if (!st.use_malloc) {
        CHECK(st.spans_in_use > 0);
        CHECK_INT(st.spans_in_use, st.large_blocks_in_use);
        /* Region memory held stays close to what is in use (no page per small object). */
        CHECK(st.committed_bytes < st.bytes_in_use + st.bytes_in_use / 4 + ((size_t)4 << 20));
    }
    for (int i = 0; i < N; i++) {
        unsigned char *b = p[i];
        bad += b[0] != (i & 0xff) || b[sz[i] - 1] != (i & 0xff);
        ou_heap_free(h, p[i]);
    }
    CHECK_INT(bad, 0);
    st = stats(h);
    CHECK_INT(st.bytes_in_use, 0);
    CHECK_INT(st.large_blocks_in_use, 0);
    CHECK_INT(st.spans_in_use, 0);
    if (!st.use_malloc) {
        CHECK(st.units_cached <= OU_CACHE_MAX_UNITS);
        CHECK(st.committed_bytes <= OU_ARENA_SIZE + OU_CACHE_MAX_BYTES);
    }
    /* Freed spans are reused. */
    void *a = ou_heap_alloc_object(h, 100000);
    ou_heap_free(h, a);
    void *b = ou_heap_alloc_object(h, 100000);
    if (!st.use_malloc)
        CHECK(a == b);
    ou_heap_free(h, b);
    ou_heap_delete(h);
}

/* ----------------------------------------------------------------------------- realloc -- */

static int filled(const unsigned char *p, size_t n, unsigned char v)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != v)
            return 0;
    return 1;
}

static void test_realloc(void)
{
    OuHeap *h = ou_heap_new();
    CHECK_INT(stats(h).bytes_in_use, 0);
    unsigned char *p = ou_heap_realloc(h, NULL, 10);
    CHECK(p != NULL);
    memset(p, 7, 10);
    size_t steps[] = { 16, 100, 300, 512, 2000, 20000, 200000, 700, 64, 8, 3 };
    size_t have = 10;
    for (size_t i = 0; i < OU_ARRAY_LEN(steps); i++) {
        unsigned char *q = ou_heap_realloc(h, p, steps[i]);
        if (!CHECK(q))
            return;
        size_t keep = have < steps[i] ? have : steps[i];
        CHECK(filled(q, keep, 7));
        if (!malloc_mode())
            CHECK(in_region(q)); /* it started in the region: it may be an object */
        memset(q, 7, steps[i]);
        CHECK(ou_heap_usable_size(h, q) >= steps[i]);
        CHECK_INT(stats(h).bytes_in_use, ou_heap_usable_size(h, q));
        p = q;
        have = steps[i];
    }
    ou_heap_free(h, p);
    /* Objects stay in the window across every kind. */
    unsigned char *o = ou_heap_alloc_object(h, 40);
    memset(o, 9, 40);
    size_t osteps[] = { 600, 5000, 100000, 90000, 300, 24 };
    have = 40;
    for (size_t i = 0; i < OU_ARRAY_LEN(osteps); i++) {
        o = ou_heap_realloc(h, o, osteps[i]);
        CHECK(o && in_window(o) && filled(o, have < osteps[i] ? have : osteps[i], 9));
        memset(o, 9, osteps[i]);
        have = osteps[i];
    }
    ou_heap_free(h, o);
    /* A large system block grows and shrinks. */
    unsigned char *s = ou_heap_alloc(h, 1000);
    memset(s, 3, 1000);
    s = ou_heap_realloc(h, s, 1 << 20);
    CHECK(s && filled(s, 1000, 3));
    s = ou_heap_realloc(h, s, 600);
    CHECK(s && filled(s, 600, 3));
    CHECK_INT(stats(h).bytes_in_use, OU_ROUND16(600));
    s = ou_heap_realloc(h, s, 100);
    CHECK(s && filled(s, 100, 3));
    CHECK_INT(stats(h).bytes_in_use, 104);
    ou_heap_free(h, s);
    CHECK_INT(stats(h).bytes_in_use, 0);
    ou_heap_delete(h);
}

/* A big object grown step by step (as a list's items are) and shrunk again: its contents
 * survive every path of span resizing (in place, extended, remapped, copied). */
static void test_realloc_span_growth(void)
{
    OuHeap *h = ou_heap_new();
    size_t n = 20000;
    unsigned char *p = ou_heap_alloc_object(h, n);
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 7);
    int bad = 0;
    void *blocker = NULL;
    while (n < ((size_t)24 << 20)) {
        size_t m = n + n / 8 + 4096;
        unsigned char *q = ou_heap_realloc(h, p, m);
        if (!q) {
            bad++;
            break;
        }
        bad += !in_window(q);
        for (size_t i = 0; i < n; i += 1 + i / 64)
            bad += q[i] != (unsigned char)(i * 7);
        bad += q[n - 1] != (unsigned char)((n - 1) * 7);
        for (size_t i = n; i < m; i++)
            q[i] = (unsigned char)(i * 7);
        p = q;
        n = m;
        if (!blocker && n > ((size_t)2 << 20)) /* something right behind: forces moves */
            blocker = ou_heap_alloc_object(h, 100000);
        CHECK_INT(stats(h).bytes_in_use, OU_ROUND16(n) + (blocker ? 100000 : 0));
    }
    while (n > 30000) {
        size_t m = n / 3;
        p = ou_heap_realloc(h, p, m);
        for (size_t i = 0; i < m; i += 1 + i / 64)
            bad += p[i] != (unsigned char)(i * 7);
        n = m;
    }
    CHECK_INT(bad, 0);
    ou_heap_free(h, p);
    ou_heap_free(h, blocker);
    OuroMemStats st = stats(h);
    CHECK_INT(st.bytes_in_use, 0);
    if (!st.use_malloc)
        CHECK(st.committed_bytes <= OU_CACHE_MAX_BYTES + OU_ARENA_SIZE);
    ou_heap_delete(h);
}

/* ------------------------------------------------------------- arenas and accounting -- */

static void test_arenas_returned(void)
{
#ifdef OU_TEST_TSAN /* issue 8: ThreadSanitizer's shadow memory makes RSS meaningless */
    printf("# ThreadSanitizer build: RSS checks skipped\n");
    return;
#endif
    OuHeap *h = ou_heap_new();
    enum { N = 200000 };
    char **p = malloc(N * sizeof *p);
    memset(p, 0xff, N * sizeof *p); /* touched now (0 would let the compiler use calloc) */
    long rss0 = rss_pages();
    for (int i = 0; i < N; i++) {
        p[i] = ou_heap_alloc_object(h, 16 + (size_t)(i % 7) * 8);
        memset(p[i], 1, 16);
    }
    OuroMemStats st = stats(h);
    long rss1 = rss_pages();
    if (!st.use_malloc) {
        CHECK(st.arenas_in_use >= 8);
        CHECK(st.arenas_peak >= st.arenas_in_use);
        CHECK_INT(st.arenas_allocated_total, st.arenas_in_use);
        CHECK(st.pools_in_use > st.arenas_in_use);
    } else {
        CHECK_INT(st.arenas_in_use, 0);
    }
    /* Free in an order unrelated to allocation. */
    for (int i = 0; i < N; i += 2)
        ou_heap_free(h, p[i]);
    for (int i = 1; i < N; i += 2)
        ou_heap_free(h, p[i]);
    st = stats(h);
    long rss2 = rss_pages();
    CHECK_INT(st.bytes_in_use, 0);
    CHECK_INT(st.pools_in_use, 0);
    CHECK(st.arenas_in_use <= 1);
    CHECK_INT(st.arenas_in_use, st.arenas_spare);
    if (!st.use_malloc) {
        CHECK_INT(st.arenas_released_total, st.arenas_allocated_total - st.arenas_in_use);
        CHECK(st.committed_bytes <= OU_ARENA_SIZE);
        /* The pages went back to the system: RSS is back where it was, but for the spare
         * arena (and a little slack). */
        long spare = (long)(OU_ARENA_SIZE / 4096);
#ifndef OU_ASAN /* ASan's shadow pages blur RSS */
        if (rss0 > 0 && !CHECK(rss1 - rss0 > 4 * spare && rss2 - rss0 < spare + 64))
            printf("#   rss pages: before %ld, full %ld, after %ld\n", rss0, rss1, rss2);
#endif
        OU_UNUSED(spare);
        OU_UNUSED(rss0);
        OU_UNUSED(rss1);
        OU_UNUSED(rss2);
    }
    free(p);
    ou_heap_delete(h);
}

/* One object allocated and freed in a loop keeps its (deferred) pool instead of giving it
 * back each time; ou_heap_trim gives back all that is kept for speed. */
static void test_deferred_and_trim(void)
{
    OuHeap *h = ou_heap_new();
    void *keep = ou_heap_alloc(h, 64);
    for (int i = 0; i < 1000; i++)
        ou_heap_free(h, ou_heap_alloc(h, 40));
    OuroMemStats st = stats(h);
    CHECK_INT(st.bytes_in_use, 64);
    CHECK_INT(st.allocs_total, 1001);
    if (!st.use_malloc) {
        CHECK_INT(st.arenas_allocated_total, 1);
        CHECK_INT(st.pools_in_use, 2); /* the 40-byte pool is kept, empty */
        CHECK_INT(st.classes[4].blocks_in_use, 0);
        CHECK(st.classes[4].blocks_free > 0);
    }
    void *big = ou_heap_alloc_object(h, 50000);
    ou_heap_free(h, big);
    ou_heap_trim(h);
    st = stats(h);
    CHECK_INT(st.bytes_in_use, 64);
    CHECK_INT(st.units_cached, 0);
    if (!st.use_malloc) {
        CHECK_INT(st.pools_in_use, 1);
        CHECK_INT(st.committed_bytes, OU_ARENA_SIZE);
    }
    ou_heap_free(h, keep);
    st = stats(h);
    CHECK_INT(st.pools_in_use, 0);
    CHECK(st.arenas_in_use <= 1);
    ou_heap_trim(h);
    st = stats(h);
    CHECK_INT(st.arenas_in_use, 0);
    CHECK_INT(st.committed_bytes, 0);
    /* Still usable after a trim. */
    void *p = ou_heap_alloc(h, 40);
    CHECK(p != NULL);
    ou_heap_free(h, p);
    ou_heap_delete(h);
}

/* Pools emptied inside arenas that stay in use are used again before any new arena. */
static void test_pools_reused(void)
{
    OuHeap *h = ou_heap_new();
    enum { N = 100000, RUN = 2000 }; /* a run of blocks covers about 8 pools */
    char **p = malloc(N * sizeof *p);
    for (int i = 0; i < N; i++)
        p[i] = ou_heap_alloc(h, 64);
    OuroMemStats st0 = stats(h);
    /* Free runs of blocks long enough to empty pools, in every arena. */
    for (int i = 0; i < N; i++)
        if ((i / RUN) % 2 == 0) {
            ou_heap_free(h, p[i]);
            p[i] = NULL;
        }
    OuroMemStats st1 = stats(h);
    if (!st1.use_malloc) {
        CHECK(st1.pools_in_use < st0.pools_in_use * 7 / 10);
        CHECK_INT(st1.arenas_in_use, st0.arenas_in_use);
    }
    for (int i = 0; i < N; i++)
        if (!p[i])
            p[i] = ou_heap_alloc(h, 64);
    OuroMemStats st2 = stats(h);
    CHECK_INT(st2.bytes_in_use, st0.bytes_in_use);
    CHECK_INT(st2.arenas_allocated_total, st0.arenas_allocated_total);
    CHECK_INT(st2.pools_in_use, st0.pools_in_use);
    for (int i = 0; i < N; i++)
        ou_heap_free(h, p[i]);
    free(p);
    ou_heap_delete(h);
}

static void test_accounting(void)
{
    OuHeap *h = ou_heap_new();
    OuroMemStats st0 = stats(h);
    CHECK_INT(st0.bytes_in_use, 0);
    CHECK_INT(st0.allocs_total, 0);
    CHECK_INT(st0.nclasses, OU_NCLASSES);
    void *a = ou_heap_alloc(h, 1), *b = ou_heap_alloc(h, 129), *c = ou_heap_alloc(h, 500);
    void *d = ou_heap_alloc(h, 5000), *e = ou_heap_alloc_object(h, 700), *f = ou_heap_alloc_object(h, 70000);
    OuroMemStats st = stats(h);
    CHECK_INT(st.classes[0].blocks_in_use, 1);
    CHECK_INT(st.classes[16].blocks_in_use, 1);   /* 144 */
    CHECK_INT(st.classes[31].blocks_in_use, 1);   /* 512 */
    CHECK_INT(st.classes[ou_mem_medium_class(700)].bytes_in_use, 768);
    CHECK_INT(st.small_bytes_in_use, 8 + 144 + 512 + 768);
    CHECK_INT(st.large_blocks_in_use, 2);
    CHECK_INT(st.large_bytes_in_use, 5008 + 70000);
    CHECK_INT(st.bytes_in_use, 8 + 144 + 512 + 768 + 5008 + 70000);
    CHECK_INT(st.allocs_total, 6);
    CHECK_INT(st.frees_total, 0);
    uint64_t sum = 0;
    for (unsigned k = 0; k < st.nclasses; k++)
        sum += st.classes[k].bytes_in_use;
    CHECK_INT(sum, st.small_bytes_in_use);
    if (!st.use_malloc) {
        CHECK_INT(st.classes[0].pools, 1);
        CHECK_INT(st.classes[0].blocks_free + 1,
                  (OU_POOL_SIZE - OU_POOL_HDR) / 8);
        CHECK_INT(st.pools_in_use, 4);
        CHECK_INT(st.arenas_in_use, 1);
        CHECK_INT(st.spans_in_use, 1);
    }
    ou_heap_free(h, a);
    ou_heap_free(h, b);
    ou_heap_free(h, c);
    ou_heap_free(h, d);
    ou_heap_free(h, e);
    ou_heap_free(h, f);
    st = stats(h);
    CHECK_INT(st.bytes_in_use, 0);
    CHECK_INT(st.small_bytes_in_use, 0);
    CHECK_INT(st.large_bytes_in_use, 0);
    CHECK_INT(st.allocs_total, 6);
    CHECK_INT(st.frees_total, 6);
    for (unsigned k = 0; k < st.nclasses; k++)
        CHECK_INT(st.classes[k].blocks_in_use, 0);
    ou_heap_free(h, NULL);
    CHECK_INT(stats(h).frees_total, 6);
    /* The public wrappers work on the current heap. */
    OuHeap *saved = ou_current.heap;
    ou_current.heap = h;
    void *g = ouro_mem_malloc(24);
    g = ouro_mem_realloc(g, 48);
    OuroMemStats pst;
    ouro_mem_stats(&pst);
    CHECK_INT(pst.bytes_in_use, 48);
    ouro_mem_fail_after(1, 0);
    CHECK(ouro_mem_malloc(8) == NULL);
    ouro_mem_free(g);
    ouro_mem_stats(&pst);
    CHECK_INT(pst.bytes_in_use, 0);
    CHECK_INT(pst.injected_failures, 1);
    ou_current.heap = saved;
    ou_heap_delete(h);
}

static void test_peak(void)
{
    OuHeap *h = ou_heap_new();
    void *p[100];
    for (int i = 0; i < 100; i++)
        p[i] = ou_heap_alloc(h, 64);
    CHECK_INT(stats(h).peak_bytes_in_use, 6400);
    for (int i = 0; i < 100; i++)
        ou_heap_free(h, p[i]);
    for (int i = 0; i < 10; i++)
        p[i] = ou_heap_alloc(h, 64);
    OuroMemStats st = stats(h);
    CHECK_INT(st.peak_bytes_in_use, 6400);
    CHECK_INT(st.bytes_in_use, 640);
    void *big = ou_heap_alloc(h, 100000);
    CHECK_INT(stats(h).peak_bytes_in_use, 640 + 100000);
    ou_heap_free(h, big);
    for (int i = 0; i < 10; i++)
        ou_heap_free(h, p[i]);
    CHECK_INT(stats(h).peak_bytes_in_use, 100640);
    ou_heap_delete(h);
}

/* ------------------------------------------------------------------ failure injection -- */

static int same_counters(const OuroMemStats *a, const OuroMemStats *b)
{
    OuroMemStats x = *a, y = *b;
    x.injected_failures = y.injected_failures = 0;
    return memcmp(&x, &y, sizeof x) == 0;
}

static void test_fail_injection(void)
{
    OuHeap *h = ou_heap_new();
    void *keep = ou_heap_alloc(h, 32);
    ou_heap_fail_after(h, 3, 0);
    void *a = ou_heap_alloc(h, 32), *b = ou_heap_alloc_object(h, 32);
    CHECK(a && b);
    OuroMemStats before = stats(h);
    CHECK(ou_heap_alloc(h, 32) == NULL); /* the 3rd */
    OuroMemStats after = stats(h);
    CHECK_INT(after.injected_failures, before.injected_failures + 1);
    CHECK(same_counters(&before, &after));
    void *c = ou_heap_alloc(h, 32); /* once only */
    CHECK(c != NULL);
    ou_heap_free(h, c);

    /* every_after: the 2nd and all later fail, whatever the kind. */
    ou_heap_fail_after(h, 2, 1);
    void *d = ou_heap_alloc(h, 100);
    CHECK(d != NULL);
    before = stats(h);
    CHECK(ou_heap_alloc(h, 100) == NULL);
    CHECK(ou_heap_alloc(h, 100000) == NULL);
    CHECK(ou_heap_alloc_object(h, 10) == NULL);
    CHECK(ou_heap_alloc_object(h, 3000) == NULL);
    CHECK(ou_heap_alloc_object(h, 1 << 20) == NULL);
    memset(d, 4, 100);
    CHECK(ou_heap_realloc(h, d, 200) == NULL);
    CHECK(ou_heap_realloc(h, d, 50) == NULL);
    CHECK(filled(d, 100, 4)); /* untouched */
    after = stats(h);
    CHECK_INT(after.injected_failures, before.injected_failures + 7);
    CHECK(same_counters(&before, &after));

    /* Off again. */
    ou_heap_fail_after(h, 0, 0);
    void *e = ou_heap_alloc(h, 100), *f = ou_heap_alloc_object(h, 1 << 20);
    CHECK(e && f);
    d = ou_heap_realloc(h, d, 4000);
    CHECK(d && filled(d, 100, 4));
    /* A realloc is one allocation (the move inside is not counted again). */
    ou_heap_fail_after(h, 2, 0);
    d = ou_heap_realloc(h, d, 8000);
    CHECK(d != NULL);
    CHECK(ou_heap_realloc(h, d, 9000) == NULL);
    void *g = ou_heap_alloc(h, 8);
    CHECK(g != NULL);
    CHECK_INT(stats(h).injected_failures, 9);
    ou_heap_free(h, g);
    ou_heap_free(h, e);
    ou_heap_free(h, f);
    ou_heap_free(h, d);
    ou_heap_free(h, a);
    ou_heap_free(h, b);
    ou_heap_free(h, keep);
    OuroMemStats st = stats(h);
    CHECK_INT(st.bytes_in_use, 0);
    CHECK_INT(st.allocs_total, st.frees_total);
    ou_heap_delete(h);
}

/* ------------------------------------------------------------------------------ stress -- */

typedef struct {
    unsigned char *p;
    uint32_t n, tag;
} Live;

static int check_block(const Live *l)
{
    for (uint32_t i = 0; i < l->n; i += 1 + i / 8)
        if (l->p[i] != (unsigned char)(l->tag + i))
            return 0;
    return 1;
}

static void fill_block(Live *l)
{
    for (uint32_t i = 0; i < l->n; i++)
        l->p[i] = (unsigned char)(l->tag + i);
}

static void test_stress(void)
{
    OuHeap *h = ou_heap_new();
    enum { LIVE = 30000 };
    Live *live = calloc(LIVE, sizeof *live);
    long ops = malloc_mode() ? 200000 : 1000000;
    int bad = 0;
    for (long op = 0; op < ops && !bad; op++) {
        Live *l = &live[rng() % LIVE];
        uint64_t r = rng();
        if (l->p) {
            bad += !check_block(l);
            if (r % 8 == 0) { /* realloc */
                uint32_t n = 1 + (uint32_t)(rng() % 700);
                unsigned char *q = ou_heap_realloc(h, l->p, n);
                if (!q) {
                    bad++;
                    break;
                }
                uint32_t keep = n < l->n ? n : l->n;
                for (uint32_t i = 0; i < keep; i += 1 + i / 8)
                    bad += q[i] != (unsigned char)(l->tag + i);
                l->p = q;
                l->n = n;
                fill_block(l);
                continue;
            }
            ou_heap_free(h, l->p);
            l->p = NULL;
            continue;
        }
        uint32_t n;
        if (r % 100 < 80)
            n = 1 + (uint32_t)(rng() % 128);
        else if (r % 100 < 96)
            n = 1 + (uint32_t)(rng() % 512);
        else if (r % 100 < 99)
            n = 513 + (uint32_t)(rng() % 8000);
        else
            n = 16000 + (uint32_t)(rng() % 100000);
        l->p = (r & 256) ? ou_heap_alloc_object(h, n) : ou_heap_alloc(h, n);
        if (!l->p) {
            bad++;
            break;
        }
        l->n = n;
        l->tag = (uint32_t)r;
        fill_block(l);
    }
    CHECK_INT(bad, 0);
    uint64_t sum = 0;
    for (int i = 0; i < LIVE; i++)
        if (live[i].p)
            sum += ou_heap_usable_size(h, live[i].p);
    OuroMemStats st = stats(h);
    CHECK_INT(st.bytes_in_use, sum);
    CHECK(st.peak_bytes_in_use >= sum);
    for (int i = 0; i < LIVE; i++) {
        if (live[i].p) {
            bad += !check_block(&live[i]);
            ou_heap_free(h, live[i].p);
        }
    }
    CHECK_INT(bad, 0);
    st = stats(h);
    CHECK_INT(st.bytes_in_use, 0);
    CHECK_INT(st.allocs_total, st.frees_total);
    CHECK(st.arenas_in_use <= 1);
    free(live);
    ou_heap_delete(h);
}

/* Two heaps (two runtimes) share the space; deleting one leaves the other intact. */
static void test_two_heaps(void)
{
    OuHeap *h1 = ou_heap_new(), *h2 = ou_heap_new();
    char *a[1000], *b[1000];
    for (int i = 0; i < 1000; i++) {
        a[i] = ou_heap_alloc_object(h1, 48);
        b[i] = ou_heap_alloc_object(h2, 48);
        memset(a[i], 1, 48);
        memset(b[i], 2, 48);
    }
    ou_heap_delete(h1);
    int bad = 0;
    for (int i = 0; i < 1000; i++)
        bad += !filled((unsigned char *)b[i], 48, 2);
    CHECK_INT(bad, 0);
    for (int i = 0; i < 1000; i++)
        ou_heap_free(h2, b[i]);
    CHECK_INT(stats(h2).bytes_in_use, 0);
    ou_heap_delete(h2);
}

/* Runtimes in different threads carve the shared space at the same time: each thread
 * churns arenas and spans of its own heap; no block may overlap another's. */
static void *thread_churn(void *arg)
{
    OuHeap *h = ou_heap_new();
    uint64_t seed = (uint64_t)(uintptr_t)arg;
    enum { N = 4000 };
    static _Thread_local unsigned char *p[N];
    long bad = 0;
    for (int round = 0; round < 6; round++) {
        for (int i = 0; i < N; i++) {
            size_t n = i % 50 == 0 ? 70000 : 24 + (size_t)((seed + (uint64_t)i) % 400);
            p[i] = ou_heap_alloc_object(h, n);
            if (!p[i])
                return (void *)1;
            memset(p[i], (int)(seed & 0xff), 24);
        }
        for (int i = 0; i < N; i++) {
            bad += !filled(p[i], 24, (unsigned char)(seed & 0xff));
            ou_heap_free(h, p[i]);
        }
    }
    OuroMemStats st;
    ou_heap_stats(h, &st);
    bad += st.bytes_in_use != 0;
    ou_heap_delete(h);
    return (void *)(uintptr_t)(bad != 0);
}

static void test_threads(void)
{
    pthread_t t[4];
    for (uintptr_t i = 0; i < 4; i++)
        CHECK_INT(pthread_create(&t[i], NULL, thread_churn, (void *)(i + 1)), 0);
    for (int i = 0; i < 4; i++) {
        void *r = NULL;
        pthread_join(t[i], &r);
        CHECK(r == NULL);
    }
}

/* -------------------------------------------------------------------------- debug -- */

#if OURO_DEBUG >= 1
/* The children's heaps stay reachable (no leak report from valgrind). */
static OuHeap *volatile child_heap, *volatile child_heap2;

/* Runs fn in a child; 1 if it died of SIGABRT (ou_fatal). */
static int aborts(void (*fn)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stderr))
            _exit(3);
        fn();
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
#ifdef OU_ASAN /* ASan may see the bad access first: it exits non-zero unless abort_on_error */
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        return 1;
#endif
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void double_free_small(void)
{
    OuHeap *h = child_heap = ou_heap_new();
    void *keep = ou_heap_alloc(h, 40), *p = ou_heap_alloc(h, 40);
    ou_heap_free(h, p);
    ou_heap_free(h, p);
    OU_UNUSED(keep);
}

static void double_free_last(void)
{
    OuHeap *h = child_heap = ou_heap_new();
    void *p = ou_heap_alloc(h, 40);
    ou_heap_free(h, p);
    ou_heap_free(h, p);
}

static void double_free_medium(void)
{
    OuHeap *h = child_heap = ou_heap_new();
    void *keep = ou_heap_alloc_object(h, 1000), *p = ou_heap_alloc_object(h, 1000);
    ou_heap_free(h, p);
    ou_heap_free(h, p);
    OU_UNUSED(keep);
}

static void double_free_span(void)
{
    OuHeap *h = child_heap = ou_heap_new();
    void *p = ou_heap_alloc_object(h, 100000);
    ou_heap_free(h, p);
    ou_heap_free(h, p);
}

static void double_free_system(void)
{
    OuHeap *h = child_heap = ou_heap_new();
    void *p = ou_heap_alloc(h, 1000);
    ou_heap_free(h, p);
    ou_heap_free(h, p);
}

static void free_interior(void)
{
    OuHeap *h = child_heap = ou_heap_new();
    char *p = ou_heap_alloc(h, 64);
    ou_heap_free(h, p + 8);
}

static void free_foreign(void)
{
    OuHeap *h = child_heap = ou_heap_new();
    static char *volatile p;
    p = malloc(64);
    memset(p, 0, 64);
    ou_heap_free(h, p + 32);
}

static void free_other_heap(void)
{
    OuHeap *h1 = child_heap = ou_heap_new(), *h2 = child_heap2 = ou_heap_new();
    void *p = ou_heap_alloc(h1, 64);
    ou_heap_free(h2, p);
}

/* Exits 0 if new blocks are CLEANBYTE-filled and freed ones DEADBYTE-filled. */
static void clean_and_dead_fill(void)
{
    OuHeap *h = child_heap = ou_heap_new();
    unsigned char *p = ou_heap_alloc(h, 64), *keep = ou_heap_alloc(h, 64);
    unsigned char *o = ou_heap_alloc_object(h, 3000), *s = ou_heap_alloc(h, 3000);
    if (!filled(p, 64, OU_MEM_CLEANBYTE) || !filled(o, 3000, OU_MEM_CLEANBYTE) ||
        !filled(s, 3000, OU_MEM_CLEANBYTE))
        _exit(1);
    ou_heap_free(h, p);
    /* p is on its pool's free list (it is reused memory in malloc mode: not checked;
     * ASan rightly refuses the read); past the link it holds dead bytes. */
#ifndef OU_ASAN
    if (!malloc_mode() && !filled(p + 8, 56, OU_MEM_DEADBYTE))
        _exit(2);
#endif
    OU_UNUSED(keep);
    _exit(0);
}
#endif

#ifdef OU_ASAN
static void use_after_free(void)
{
    OuHeap *h = child_heap = ou_heap_new();
    char *keep = ou_heap_alloc(h, 64), *p = ou_heap_alloc(h, 64);
    ou_heap_free(h, p);
    volatile char c = p[20]; /* ASan must refuse this read */
    OU_UNUSED(c);
    OU_UNUSED(keep);
}

static void use_of_uncarved(void)
{
    OuHeap *h = child_heap = ou_heap_new();
    char *p = ou_heap_alloc(h, 64);
    volatile char c = p[OU_POOL_SIZE / 2]; /* unused pool space is poisoned */
    OU_UNUSED(c);
}

/* 1 if fn dies (ASan reports and exits non-zero, or aborts). */
static int asan_catches(void (*fn)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stderr))
            _exit(3);
        fn();
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return !WIFEXITED(status) || WEXITSTATUS(status) != 0;
}
#endif

static void test_debug_checks(void)
{
#ifdef OU_ASAN
    if (!malloc_mode()) {
        CHECK(asan_catches(use_after_free));
        CHECK(asan_catches(use_of_uncarved));
    }
#endif
#if OURO_DEBUG >= 1
    CHECK(aborts(double_free_small));
    CHECK(aborts(double_free_last));
    CHECK(aborts(double_free_system));
    CHECK(aborts(free_foreign));
    CHECK(aborts(free_interior) || malloc_mode());
    if (!malloc_mode()) {
        CHECK(aborts(double_free_medium));
        CHECK(aborts(double_free_span));
        CHECK(aborts(free_other_heap));
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        clean_and_dead_fill();
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
#else
    printf("# release build: debug checks not compiled in\n");
#endif
}

/* ------------------------------------------------------------------------ malloc mode -- */

/* The checks of OURO_MALLOC=malloc, run in this process if it is in that mode, else in a
 * re-executed child with the variable set. */
static int malloc_mode_body(void)
{
    int bad = 0;
    OuHeap *h = ou_heap_new();
    OuroMemStats st = stats(h);
    bad += !st.use_malloc;
    enum { N = 100000 };
    void **p = malloc(N * sizeof *p);
    uint64_t sum = 0;
    for (int i = 0; i < N; i++) {
        size_t n = i % 100 == 0 ? 1000 + (size_t)(i % 7) * 3000 : 16 + (size_t)(i % 30) * 8;
        if (i % 5000 == 0)
            n = 200000;
        p[i] = ou_heap_alloc_object(h, n);
        bad += !p[i] || !in_window(p[i]);
        memset(p[i], 1, n);
        sum += ou_heap_usable_size(h, p[i]);
    }
    st = stats(h);
    bad += st.bytes_in_use != sum;
    bad += st.arenas_in_use != 0;
    for (int i = 0; i < N; i++)
        ou_heap_free(h, p[i]);
    bad += stats(h).bytes_in_use != 0;
    free(p);
    ou_heap_delete(h);
    return bad;
}

static const char *self_path = "/proc/self/exe";

static void test_malloc_mode(void)
{
#ifdef OU_ASAN
    printf("# AddressSanitizer replaces malloc: OURO_MALLOC=malloc is not for ASan builds\n");
    return;
#endif
#ifdef OU_TEST_TSAN /* issue 8: the re-executed child is not for ThreadSanitizer builds */
    printf("# ThreadSanitizer build: malloc mode not checked\n");
    return;
#endif
    if (malloc_mode()) {
        CHECK_INT(malloc_mode_body(), 0);
        return;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        setenv("OURO_MALLOC", "malloc", 1);
        /* argv[0], not /proc/self/exe, which is valgrind's tool when run under it */
        execl(self_path, self_path, "--malloc-mode-child", (char *)NULL);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK_INT(WEXITSTATUS(status), 0);
}

int main(int argc, char **argv)
{
    if (argv[0] && strchr(argv[0], '/'))
        self_path = argv[0];
    if (argc > 1 && strcmp(argv[1], "--malloc-mode-child") == 0)
        return malloc_mode_body() ? 1 : 0;
    th_begin("mem");
    RUN_BARE(test_class_table);
    RUN_BARE(test_every_class);
    RUN_BARE(test_usable_and_alignment);
    RUN_BARE(test_large_system);
    RUN_BARE(test_objects_in_window);
    RUN_BARE(test_realloc);
    RUN_BARE(test_realloc_span_growth);
    RUN_BARE(test_arenas_returned);
    RUN_BARE(test_pools_reused);
    RUN_BARE(test_deferred_and_trim);
    RUN_BARE(test_accounting);
    RUN_BARE(test_peak);
    RUN_BARE(test_fail_injection);
    RUN_BARE(test_stress);
    RUN_BARE(test_two_heaps);
    RUN_BARE(test_threads);
    RUN_BARE(test_debug_checks);
    RUN_BARE(test_malloc_mode);
    return th_end();
}
