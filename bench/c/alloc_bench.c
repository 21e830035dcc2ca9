/* bench/c/alloc_bench.c — the small-object allocator against glibc malloc, and against
 * mimalloc and jemalloc when their shared libraries are installed (loaded with dlopen, so
 * the bench builds and runs without them).
 *
 * The pattern is a Python-like one: sizes 16..128 bytes skewed toward the small end, a
 * live set of 100k blocks under random replacement, and bursts of temporaries (allocate
 * k, free them newest first). Every block's first word is written when allocated and
 * read before it is freed, as an object header would be. The PRNG is deterministic, so
 * every allocator sees the very same sequence of requests. Each run of each allocator is
 * a fresh child process (no allocator inherits another's heap state), runs alternate
 * between the allocators, and the table shows the median ns per operation (one alloc or
 * one free).
 *
 *   bench/run.sh           or: alloc_bench [runs] [million-ops] [only-this-allocator] */
#include "mem/mem.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

enum { LIVE = 100000, BURST_MAX = 64 };

typedef struct Allocator {
    const char *name;
    double (*run)(long ops, uint64_t *check);
    const char *skip; /* why it is not available, or NULL */
    double ns[32];
} Allocator;

/* Python-ish object sizes: ints, floats, small tuples and lists, instances, dicts. */
static const uint32_t size_table[16] = { 16, 24, 24, 32, 32, 32, 40, 40, 48, 48, 56, 64, 64,
                                         80, 96, 128 };

static inline uint64_t next_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* A size in 16..128: from the table, 3/4 of the time exactly (objects are multiples of
 * 8), else up to 7 bytes less. */
static inline size_t pick_size(uint64_t r)
{
    size_t n = size_table[(r >> 8) & 15];
    if ((r & 3) == 0)
        n -= (r >> 16) & 7;
    return n;
}

static void *(*mi_malloc_p)(size_t);
static void (*mi_free_p)(void *);
static void *(*je_malloc_p)(size_t);
static void (*je_free_p)(void *);
static OuHeap *bench_heap;

/* The workload, instantiated once per allocator so that each calls its functions the way
 * a program would (direct calls for ouro and glibc, through a pointer for a dlopen'ed
 * library, as through a PLT). Returns the elapsed nanoseconds of the measured loop. */
#define DEFINE_RUN(NAME, ALLOC, FREE)                                                  \
    static double NAME(long ops, uint64_t *check)                                     \
    {                                                                                  \
        static uint64_t *live[LIVE];                                                   \
        uint64_t *burst[BURST_MAX];                                                    \
        uint64_t s = 0x2545F4914F6CDD1Dull, sum = 0;                                   \
        for (int i = 0; i < LIVE; i++) {                                               \
            uint64_t r = next_rand(&s);                                                \
            live[i] = ALLOC(pick_size(r));                                             \
            *live[i] = r;                                                              \
        }                                                                              \
        struct timespec t0, t1;                                                        \
        clock_gettime(CLOCK_MONOTONIC, &t0);                                           \
        long done = 0;                                                                 \
        while (done < ops) {                                                           \
            uint64_t r = next_rand(&s);                                                \
            if ((r >> 40) % 100 < 60) { /* replace a random live block */              \
                uint32_t i = (uint32_t)((r >> 24) % LIVE);                             \
                sum += *live[i];                                                       \
                FREE(live[i]);                                                         \
                live[i] = ALLOC(pick_size(r));                                         \
                *live[i] = r;                                                          \
                done += 2;                                                             \
            } else { /* a burst of temporaries, freed newest first */                  \
                int k = 1 + (int)((r >> 32) % BURST_MAX);                              \
                for (int j = 0; j < k; j++) {                                          \
                    uint64_t q = next_rand(&s);                                        \
                    burst[j] = ALLOC(pick_size(q));                                    \
                    *burst[j] = q;                                                     \
                }                                                                      \
                for (int j = k - 1; j >= 0; j--) {                                     \
                    sum += *burst[j];                                                  \
                    FREE(burst[j]);                                                    \
                }                                                                      \
                done += 2 * k;                                                         \
            }                                                                          \
        }                                                                              \
        clock_gettime(CLOCK_MONOTONIC, &t1);                                           \
        for (int i = 0; i < LIVE; i++) {                                               \
            sum += *live[i];                                                           \
            FREE(live[i]);                                                             \
        }                                                                              \
        *check = sum;                                                                  \
        return ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) \
               / (double)done;                                                         \
    }

#define OURO_ALLOC(n) ou_heap_alloc(bench_heap, (n))
#define OURO_FREE(p) ou_heap_free(bench_heap, (p))
#define OURO_ALLOC_INLINE(n) ou_heap_alloc_inline(bench_heap, (n))
#define OURO_FREE_INLINE(p) ou_heap_free_inline(bench_heap, (p))
DEFINE_RUN(run_ouro_body, OURO_ALLOC, OURO_FREE)
DEFINE_RUN(run_ouro_inline_body, OURO_ALLOC_INLINE, OURO_FREE_INLINE)
DEFINE_RUN(run_glibc, malloc, free)
DEFINE_RUN(run_mimalloc, mi_malloc_p, mi_free_p)
DEFINE_RUN(run_jemalloc, je_malloc_p, je_free_p)

static double run_with_heap(double (*body)(long, uint64_t *), long ops, uint64_t *check)
{
    bench_heap = ou_heap_new();
    if (!bench_heap) {
        fprintf(stderr, "alloc_bench: ou_heap_new failed\n");
        exit(1);
    }
    double ns = body(ops, check);
    ou_heap_delete(bench_heap);
    bench_heap = NULL;
    return ns;
}

/* ou_heap_alloc / ou_heap_free: a call per operation, as mimalloc's and glibc's. */
static double run_ouro(long ops, uint64_t *check)
{
    return run_with_heap(run_ouro_body, ops, check);
}

/* The inline fast paths the runtime uses (ou_mem_alloc / ou_mem_free). */
static double run_ouro_inline(long ops, uint64_t *check)
{
    return run_with_heap(run_ouro_inline_body, ops, check);
}

/* dlopen's the library; NULL, or a reason when it is absent. jemalloc uses initial-exec
 * TLS, which dlopen can place only with some static TLS to spare: when that is what
 * fails, the bench runs itself again with glibc's tunable asking for it. */
static const char *load(const char *lib, const char *fa, const char *ff, void **a, void **f,
                        char **argv)
{
    void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *err = dlerror();
        if (err && strstr(err, "static TLS") && !getenv("OURO_BENCH_TLS")) {
            setenv("OURO_BENCH_TLS", "1", 1);
            setenv("GLIBC_TUNABLES", "glibc.rtld.optional_static_tls=65536", 1);
            execv("/proc/self/exe", argv);
        }
        return err && strstr(err, "static TLS") ? "cannot be loaded (static TLS), skipped"
                                                : "not installed, skipped";
    }
    *a = dlsym(h, fa);
    *f = dlsym(h, ff);
    return *a && *f ? NULL : "symbols not found, skipped";
}

/* Runs a->run in a child process. Returns ns/op and sets *check, or returns -1. */
static double run_in_child(Allocator *a, long ops, uint64_t *check)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        struct { double ns; uint64_t check; } r;
        r.ns = a->run(ops, &r.check);
        _exit(write(fd[1], &r, sizeof r) == (ssize_t)sizeof r ? 0 : 1);
    }
    close(fd[1]);
    struct { double ns; uint64_t check; } r = { -1, 0 };
    ssize_t got = pid > 0 ? read(fd[0], &r, sizeof r) : -1;
    close(fd[0]);
    int status = 0;
    if (pid > 0)
        waitpid(pid, &status, 0);
    if (got != (ssize_t)sizeof r || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    *check = r.check;
    return r.ns;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(const double *v, int n)
{
    double s[32];
    memcpy(s, v, (size_t)n * sizeof *s);
    qsort(s, (size_t)n, sizeof *s, cmp_double);
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    long ops = (argc > 2 ? atol(argv[2]) : 12) * 1000000L;
    if (runs < 1 || runs > 32 || ops < 1) {
        fprintf(stderr, "usage: alloc_bench [runs (1..32)] [million ops]\n");
        return 2;
    }
    Allocator all[] = {
        { "ouro", run_ouro, NULL, { 0 } },
        { "glibc", run_glibc, NULL, { 0 } },
        { "mimalloc", run_mimalloc, NULL, { 0 } },
        { "jemalloc", run_jemalloc, NULL, { 0 } },
        { "ouro-inl", run_ouro_inline, NULL, { 0 } },
    };
    all[3].skip = load("libjemalloc.so.2", "malloc", "free", (void **)&je_malloc_p,
                       (void **)&je_free_p, argv);
    all[2].skip = load("libmimalloc.so.2", "mi_malloc", "mi_free", (void **)&mi_malloc_p,
                       (void **)&mi_free_p, argv);
    int n = (int)OU_ARRAY_LEN(all);
    for (int k = 0; argc > 3 && k < n; k++)
        if (strcmp(all[k].name, argv[3]) != 0 && !all[k].skip)
            all[k].skip = "not selected";
    printf("alloc_bench: %d live blocks, sizes 16-128 bytes (skewed small), 60%% random "
           "replacement + 40%% bursts of 1-%d temporaries; %ld M ops per run, %d runs\n",
           LIVE, BURST_MAX, ops / 1000000, runs);
    uint64_t want = 0;
    for (int r = 0; r < runs; r++) {
        for (int k = 0; k < n; k++) {
            Allocator *a = &all[(k + r) % n]; /* rotate the order between runs */
            if (a->skip)
                continue;
            uint64_t check = 0;
            a->ns[r] = run_in_child(a, ops, &check);
            if (a->ns[r] < 0) {
                fprintf(stderr, "alloc_bench: %s: the run failed\n", a->name);
                return 1;
            }
            if (want && check != want) {
                fprintf(stderr, "alloc_bench: %s: checksum mismatch (memory corrupted?)\n",
                        a->name);
                return 1;
            }
            want = check;
        }
    }
    printf("%-10s %10s %10s %10s\n", "allocator", "ns/op", "min", "max");
    double med[5] = { 0 };
    for (int k = 0; k < n; k++) {
        Allocator *a = &all[k];
        if (a->skip) {
            printf("%s: %s\n", a->name, a->skip);
            continue;
        }
        med[k] = median(a->ns, runs);
        double lo = a->ns[0], hi = a->ns[0];
        for (int r = 1; r < runs; r++) {
            lo = a->ns[r] < lo ? a->ns[r] : lo;
            hi = a->ns[r] > hi ? a->ns[r] : hi;
        }
        printf("%-10s %10.2f %10.2f %10.2f\n", a->name, med[k], lo, hi);
    }
    if (med[0] > 0 && med[1] > 0)
        printf("glibc/ouro    = %.2fx  (target >= 1.5)\n", med[1] / med[0]);
    if (med[0] > 0 && med[2] > 0)
        printf("ouro/mimalloc = %.2fx  (target <= 1.2)\n", med[0] / med[2]);
    if (med[0] > 0 && med[3] > 0)
        printf("ouro/jemalloc = %.2fx\n", med[0] / med[3]);
    if (med[4] > 0 && med[1] > 0)
        printf("glibc/ouro-inl    = %.2fx (ouro-inl: the inline fast paths of ou_mem_alloc/free)\n",
               med[1] / med[4]);
    if (med[4] > 0 && med[2] > 0)
        printf("ouro-inl/mimalloc = %.2fx\n", med[4] / med[2]);
    return 0;
}
