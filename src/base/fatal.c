/* src/base/fatal.c — the last resort: report an impossible state and abort. */
#include "base.h"
#include "current.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

_Thread_local OuCurrent ou_current __attribute__((tls_model("initial-exec")));

void ou_fatal_at(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "ouro: fatal error: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (%s:%d)\n", file, line);
    fflush(stderr);
    abort();
}
