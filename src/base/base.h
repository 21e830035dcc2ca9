/* src/base/base.h — what every layer uses: compiler hints, debug levels, fatal errors.
 * Debug levels: OURO_DEBUG=0 (release), 1 (cheap asserts), 2 (expensive heap checks). */
#ifndef OU_BASE_H
#define OU_BASE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifndef OURO_DEBUG
#define OURO_DEBUG 0
#endif

#define OU_LIKELY(x)   __builtin_expect(!!(x), 1)
#define OU_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define OU_NORETURN    __attribute__((noreturn))
#define OU_UNUSED(x)   ((void)(x))
#define OU_NOINLINE    __attribute__((noinline))
#define OU_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define OU_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Prints "ouro: fatal error: ..." with the location and aborts. Never returns. */
OU_NORETURN void ou_fatal_at(const char *file, int line, const char *fmt, ...) OU_PRINTF(3, 4);
#define ou_fatal(...) ou_fatal_at(__FILE__, __LINE__, __VA_ARGS__)

/* OU_ASSERT: checked when OURO_DEBUG >= 1; OU_ASSERT2: only at level 2 (expensive). */
#if OURO_DEBUG >= 1
#define OU_ASSERT(c) ((c) ? (void)0 : ou_fatal("assertion failed: %s", #c))
#else
#define OU_ASSERT(c) ((void)0)
#endif
#if OURO_DEBUG >= 2
#define OU_ASSERT2(c) OU_ASSERT(c)
#else
#define OU_ASSERT2(c) ((void)0)
#endif

/* AddressSanitizer manual poisoning, for memory our own allocator hands out. */
#if defined(__SANITIZE_ADDRESS__)
#define OU_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OU_ASAN 1
#endif
#endif
#ifdef OU_ASAN
void __asan_poison_memory_region(void const volatile *addr, size_t size);
void __asan_unpoison_memory_region(void const volatile *addr, size_t size);
#define OU_ASAN_POISON(p, n)   __asan_poison_memory_region((p), (n))
#define OU_ASAN_UNPOISON(p, n) __asan_unpoison_memory_region((p), (n))
#else
#define OU_ASAN_POISON(p, n)   ((void)(p), (void)(n))
#define OU_ASAN_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#endif /* OU_BASE_H */
