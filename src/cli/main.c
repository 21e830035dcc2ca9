/* src/cli/main.c — the `ouro` command: ouro [-i] [-c CODE | script.py | -] [args...],
 * -V/--version, -h/--help, and the REPL when started without a program on a terminal.
 * Exit status as CPython: 0, 1 after an uncaught exception, SystemExit's code, 2 for a
 * usage error or a script that cannot be opened. */
#include "modules/modules.h"
#include "runtime/gil.h" /* ou_thread_count (issue 8) */
#include "cli.h"
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_line[] = "usage: ouro [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static int usage(FILE *f)
{
    fputs(usage_line, f);
    if (f == stdout)
        fputs("Options (a subset of python3's):\n"
              "-c cmd : program passed in as string (terminates option list)\n"
              "-h     : print this help message and exit (also -? or --help)\n"
              "-i     : inspect interactively after running script\n"
              "-m mod : run library module as a script (terminates option list)\n"
              "-u     : unbuffered stdout and stderr\n"
              "-B -E -I -O -OO -q -s -S, -X opt, -W arg: accepted and ignored\n"
              "-V     : print the ouro version number and exit (also --version)\n"
              "file   : program read from script file\n"
              "-      : program read from stdin (default; interactive mode if a tty)\n"
              "arg ...: arguments passed to program in sys.argv[1:]\n",
              f);
    return f == stderr ? 2 : 0;
}

typedef struct Options {
    bool interactive;          /* -i */
    const char *command;       /* -c CODE */
    const char *module;        /* -m MODULE */
    const char *script;        /* a path, "-" for stdin, or NULL */
    int argc;                  /* sys.argv */
    char **argv;
} Options;

/* Parses the options; returns -1 to run, or an exit status. */
static int parse_options(int argc, char **argv, Options *o)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
            printf("ouro %s\n", OURO_VERSION);
            return 0;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0 || strcmp(a, "-?") == 0)
            return usage(stdout);
        if (strcmp(a, "-i") == 0) {
            o->interactive = true;
            continue;
        }
        if (strcmp(a, "-u") == 0) { /* unbuffered stdout and stderr */
            setvbuf(stdout, NULL, _IONBF, 0);
            continue;
        }
        /* Accepted for compatibility with python3's command lines, without effect: no
         * bytecode files, site module, optimizations or warnings machinery exist. */
        if (strcmp(a, "-B") == 0 || strcmp(a, "-E") == 0 || strcmp(a, "-s") == 0 ||
            strcmp(a, "-S") == 0 || strcmp(a, "-O") == 0 || strcmp(a, "-OO") == 0 ||
            strcmp(a, "-q") == 0 || strcmp(a, "-I") == 0)
            continue;
        if ((strcmp(a, "-X") == 0 || strcmp(a, "-W") == 0) && i + 1 < argc) {
            i++;
            continue;
        }
        if (strncmp(a, "-c", 2) == 0 || strncmp(a, "-m", 2) == 0) {
            const char *arg = a[2] ? a + 2 : i + 1 < argc ? argv[++i] : NULL;
            if (!arg) {
                fprintf(stderr, "Argument expected for the %.2s option\n", a);
                fputs(usage_line, stderr);
                fputs("Try `ouro -h' for more information.\n", stderr);
                return 2;
            }
            *(a[1] == 'c' ? &o->command : &o->module) = arg;
            /* the rest are sys.argv[1:]; argv[0] becomes "-c", or the module's path */
            o->argc = argc - i;
            o->argv = argv + i;
            return -1;
        }
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        fprintf(stderr, "Unknown option: %s\n", a);
        fputs(usage_line, stderr);
        fputs("Try `ouro -h' for more information.\n", stderr);
        return 2;
    }
    if (i < argc) {
        o->script = argv[i];
        o->argc = argc - i;
        o->argv = argv + i;
    }
    return -1;
}

/* The script's absolute path (as CPython 3.11's __main__.__file__), malloc'd. */
static char *absolute_path(const char *p)
{
    if (p[0] == '/')
        return strdup(p);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return strdup(p);
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    size_t n = strlen(cwd) + strlen(p) + 2;
    char *r = malloc(n);
    if (r)
        snprintf(r, n, "%s/%s", cwd, p);
    return r;
}

/* sys.path[0]: the real directory of the script. malloc'd. */
static char *script_dir(const char *abs)
{
    char *copy = strdup(abs);
    if (!copy)
        return NULL;
    char *slash = strrchr(copy, '/');
    if (slash)
        *(slash == copy ? slash + 1 : slash) = 0;
    char real[PATH_MAX];
    char *r = realpath(copy, real) ? strdup(real) : strdup(copy);
    free(copy);
    return r;
}

/* PYTHONPATH's directories go to sys.path after its first entry, as in CPython (the
 * same scripts run on both). 0 or -1. */
static int add_pythonpath(void)
{
    const char *env = getenv("PYTHONPATH");
    OuroObject *path = env && *env ? ou_sys_get("path") : NULL;
    if (!path || !ouro_list_check(path))
        return 0;
    ouro_ssize at = 1;
    for (const char *p = env; *p;) {
        const char *end = strchr(p, ':');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n > 0) {
            OuroObject *dir = ouro_str_from_utf8(p, n);
            if (!dir || ouro_list_insert(path, at++, dir) < 0) {
                OURO_XDECREF(dir);
                return -1;
            }
            OURO_DECREF(dir);
        }
        p += n + (end ? 1 : 0);
    }
    return 0;
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int read_all(FILE *fp, OuStrBuf *b)
{
    char chunk[8192];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0)
        ou_strbuf_append(b, chunk, k);
    return b->failed ? -1 : 0;
}

/* `-m name`: runs the module's file as __main__, with sys.path[0] the working directory
 * and sys.argv[0] the file, as CPython's runpy. Returns the exit status. */
static int run_module(Options *o)
{
    static char dash_m[] = "-m";
    char cwd[PATH_MAX];
    o->argv[0] = dash_m; /* while the module is looked for, as CPython */
    if (ou_sys_set_argv(o->argc, o->argv, getcwd(cwd, sizeof cwd) ? cwd : "") < 0)
        return ou_handle_uncaught();
    OuroObject *name = ouro_str_from_cstr(o->module);
    OuroObject *path = name ? ou_import_main_path(name) : NULL;
    OURO_XDECREF(name);
    if (!path) {
        if (!ouro_err_matches(&ouro_exc_ImportError) ||
            ouro_err_matches(&ouro_exc_ModuleNotFoundError))
            return ou_handle_uncaught(); /* a package's own error: its traceback */
        OuroObject *e = ouro_err_fetch(), *msg = ouro_object_str(e);
        fprintf(stderr, "ouro: %s\n", msg ? ouro_str_utf8(msg) : "No module named");
        OURO_XDECREF(msg);
        OURO_DECREF(e);
        ouro_err_clear();
        return 1;
    }
    OuroObject *argv = ou_sys_get("argv");
    int rc = argv && ouro_list_check(argv) ? ouro_list_set_item(argv, 0, OURO_NEWREF(path)) : 0;
    if (rc == 0)
        rc = ou_run_file(ouro_str_utf8(path));
    OURO_DECREF(path);
    if (rc == -2) {
        fprintf(stderr, "ouro: can't open file: [Errno %d] %s\n", errno, strerror(errno));
        return 2;
    }
    return rc < 0 ? ou_handle_uncaught() : 0;
}

/* Runs the program the options name. Returns the exit status. */
static int run_program(Options *o)
{
    if (o->module)
        return run_module(o);
    if (o->command) {
        static char dash_c[] = "-c";
        o->argv[0] = dash_c;
        if (ou_sys_set_argv(o->argc, o->argv, "") < 0)
            return ou_handle_uncaught();
        int rc = ou_run_source(o->command, strlen(o->command), "<string>", false);
        return rc < 0 ? ou_handle_uncaught() : 0;
    }
    if (o->script && strcmp(o->script, "-") != 0) {
        char *abs = absolute_path(o->script), *dir = abs ? script_dir(abs) : NULL;
        int status = 0;
        if (!abs || !dir) {
            fputs("ouro: out of memory\n", stderr);
            status = 1;
        } else if (is_directory(abs)) { /* CPython would run its __main__.py */
            fprintf(stderr, "ouro: can't find '__main__' module in '%s'\n", abs);
            status = 1;
        } else if (ou_sys_set_argv(o->argc, o->argv, dir) < 0) {
            status = ou_handle_uncaught();
        } else {
            int rc = ou_run_file(abs);
            if (rc == -2) {
                fprintf(stderr, "ouro: can't open file '%s': [Errno %d] %s\n", abs, errno,
                        strerror(errno));
                status = 2;
            } else if (rc < 0) {
                status = ou_handle_uncaught();
            }
        }
        free(abs);
        free(dir);
        return status;
    }
    /* stdin: "-", or no program and stdin is not a terminal */
    char *dflt[] = { o->script ? (char *)"-" : (char *)"", NULL };
    if (ou_sys_set_argv(o->script ? o->argc : 1, o->script ? o->argv : dflt, "") < 0)
        return ou_handle_uncaught();
    OuStrBuf b;
    ou_strbuf_init(&b);
    if (read_all(stdin, &b) < 0) {
        ou_strbuf_discard(&b);
        fputs("ouro: out of memory\n", stderr);
        return 1;
    }
    int rc = ou_run_source(b.data ? b.data : "", b.len, "<stdin>", false);
    ou_strbuf_discard(&b);
    return rc < 0 ? ou_handle_uncaught() : 0;
}

int main(int argc, char **argv)
{
    Options o = { 0 };
    int status = parse_options(argc, argv, &o);
    if (status >= 0)
        return status;
    OuroRuntime *rt = ouro_runtime_new();
    if (!rt) {
        fputs("ouro: could not start the runtime\n", stderr);
        return 1;
    }
    ouro_runtime_catch_sigint(rt); /* Ctrl-C raises KeyboardInterrupt, as CPython */
    if (!ou_interp()) {
        ou_handle_uncaught();
        ouro_runtime_free(rt);
        return 1;
    }
    if (add_pythonpath() < 0) {
        status = ou_handle_uncaught();
        ouro_runtime_free(rt);
        return status ? status : 1;
    }
    bool repl_only = !o.command && !o.module && !o.script && isatty(fileno(stdin));
    if (repl_only) {
        char *argv0[] = { (char *)"", NULL };
        if (ou_sys_set_argv(1, argv0, "") < 0)
            status = ou_handle_uncaught();
        else
            status = ou_repl_run(true);
    } else {
        status = run_program(&o);
        if (o.interactive) /* also after an error, as CPython */
            status = ou_repl_run(false);
    }
    ou_threading_shutdown(); /* issue 8: the program ends with its non-daemon threads */
    ou_interp_run_exit_handlers(); /* atexit, weakref.finalize: before the teardown */
    bool daemons_alive = ou_thread_count(rt) > 0; /* issue 8 */
    ou_sys_flush_std();
    fflush(stdout);
    uint64_t leaked = ouro_runtime_free(rt);
    /* Issue 8: daemon threads still hold memory that teardown cannot free (as in CPython):
     * end the process at once, so that no exit-time leak checker reports it. */
    /* An uncaught KeyboardInterrupt ends the process by SIGINT, as CPython's (a shell
     * then knows the program was interrupted); 130 if the signal does not end it. */
    bool by_sigint = status == OU_EXIT_KEYBOARD_INTERRUPT;
    if (by_sigint)
        status = 130;
    if (daemons_alive) {
        fflush(NULL);
        if (by_sigint) {
            signal(SIGINT, SIG_DFL);
            kill(getpid(), SIGINT);
        }
        _exit(status);
    }
    /* Teardown check for tests: every object the program made must be gone. */
    if (leaked && getenv("OURO_REPORT_LEAKS"))
        fprintf(stderr, "ouro: %llu bytes still in use at exit\n", (unsigned long long)leaked);
    if (by_sigint) {
        fflush(NULL);
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
