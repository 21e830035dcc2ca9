/* tests/unit/test.h — a tiny TAP-style harness (in the spirit of Redis's testhelp.h).
 *
 *   static void test_append(void) { ...; CHECK(x == 1); CHECK_INT(n, 3); }
 *   int main(void) { th_begin("list"); RUN(test_append); return th_end(); }
 *
 * RUN gives each test a fresh runtime and fails it if an exception is left pending or if
 * any memory is still in use when the runtime is freed (a leak). RUN_BARE runs without a
 * runtime (allocator tests). Output: "ok N - name" / "not ok N - name", then "1..N". */
#ifndef OURO_TEST_H
#define OURO_TEST_H

#include "ouro.h"
#include <stdio.h>
#include <string.h>

void th_begin(const char *suite);
int th_end(void);
void th_run(const char *name, void (*fn)(void), int with_runtime);
int th_check(int ok, const char *expr, const char *file, int line);
int th_check_int(long long a, long long b, const char *ea, const char *eb, const char *file, int line);
int th_check_str(const char *a, const char *b, const char *ea, const char *eb, const char *file, int line);
/* 1 if the current exception is of type t (it is then cleared), else reports and 0. */
int th_check_raised(OuroType *t, const char *msg, const char *file, int line);
/* 1 if repr(o) equals s; o is borrowed. */
int th_check_repr(OuroObject *o, const char *s, const char *file, int line);

#define RUN(fn) th_run(#fn, fn, 1)
#define RUN_BARE(fn) th_run(#fn, fn, 0)
#define CHECK(c) th_check(!!(c), #c, __FILE__, __LINE__)
#define CHECK_INT(a, b) th_check_int((long long)(a), (long long)(b), #a, #b, __FILE__, __LINE__)
#define CHECK_STR(a, b) th_check_str((a), (b), #a, #b, __FILE__, __LINE__)
/* CHECK_RAISED(&ouro_exc_KeyError, "'x'"): the pending exception has that type and str()
 * (msg NULL: any message); clears it. */
#define CHECK_RAISED(t, msg) th_check_raised((t), (msg), __FILE__, __LINE__)
#define CHECK_REPR(o, s) th_check_repr((OuroObject *)(o), (s), __FILE__, __LINE__)

#endif
