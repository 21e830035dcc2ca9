/* src/cli/main.c — the `ouro` command. Until the language exists (issue 4) it starts and
 * stops a runtime and reports its version. */
#include "ouro.h"
#include <stdio.h>
#include <string.h>

static int usage(FILE *f)
{
    fprintf(f, "usage: ouro [--version] [-c CODE | script.py]\n");
    return f == stderr ? 2 : 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
        printf("ouro %s\n", OURO_VERSION);
        return 0;
    }
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
        return usage(stdout);
    OuroRuntime *rt = ouro_runtime_new();
    if (!rt) {
        fprintf(stderr, "ouro: could not start the runtime\n");
        return 1;
    }
    int rc = 0;
    if (argc > 1) {
        fprintf(stderr, "ouro: running Python code is not implemented yet (the language "
                        "is issue 4); this build provides the runtime library only\n");
        rc = 2;
    } else {
        printf("ouro %s (runtime only: the language and REPL come with issue 4)\n",
               OURO_VERSION);
    }
    ouro_runtime_free(rt);
    return rc;
}
