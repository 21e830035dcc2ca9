/* src/modules/import.c — import: sys.modules first, then the built-in modules, then
 * NAME.py or the package NAME/__init__.py along sys.path (a package's __path__ for its
 * submodules). A module is in sys.modules while its code runs and removed if it fails. */
#include "modules.h"
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The built-in modules: name and constructor. gc, weakref, threading and time come with
 * issues 5, 6 and 8. */
static const struct {
    const char *name;
    OuroObject *(*create)(void);
} builtin_modules[] = {
    { "math", ou_math_create },
    { "gc", ou_gc_module_create },   /* issue 5 (gcmodule.c) */
    { "weakref", ou_weakref_create },        /* issue 6 (weakrefmodule.c) */
    { "_weakref", ou_weakref_core_create },  /* issue 6: the C core alone */
    { "_ouro", ou_ouro_module_create },      /* issue 7: accounting (ouromodule.c) */
    { "_thread", ou_thread_module_create },  /* issue 8 (threadmodule.c) */
    { "threading", ou_threading_module_create }, /* issue 8: Python in threading_py.c */
    { "time", ou_time_module_create },       /* issue 8 (timemodule.c) */
    { "atexit", ou_atexit_create },          /* atexitmodule.c */
    { "copy", ou_copy_create },              /* frozen Python, copy_py.c */
    { "functools", ou_functools_create },    /* frozen Python, functools_py.c */
    { "collections", ou_collections_create }, /* frozen Python, collections_py.c */
    { "itertools", ou_itertools_create },    /* frozen Python, itertools_py.c */
};

OuroObject *ou_import_builtin(OuroObject *name)
{
    for (size_t i = 0; i < sizeof builtin_modules / sizeof builtin_modules[0]; i++)
        if (ouro_str_equal_cstr(name, builtin_modules[i].name))
            return builtin_modules[i].create();
    return NULL;
}

OuroObject *ou_import_builtin_names(void)
{
    size_t n = sizeof builtin_modules / sizeof builtin_modules[0];
    OuroObject *l = ouro_list_new(0);
    const char *always[] = { "builtins", "sys" };
    for (size_t i = 0; l && i < n + 2; i++) {
        OuroObject *s = ouro_str_from_cstr(i < 2 ? always[i] : builtin_modules[i - 2].name);
        if (!s || ouro_list_append(l, s) < 0)
            OURO_CLEAR(l);
        OURO_XDECREF(s);
    }
    if (!l || ouro_list_sort(l) < 0) {
        OURO_XDECREF(l);
        return NULL;
    }
    OuroObject *t = ouro_list_as_tuple(l);
    OURO_DECREF(l);
    return t;
}

static OuroObject *not_found(OuroObject *name, const char *fmt, OuroObject *arg)
{
    OuroObject *msg = ouro_str_from_format(fmt, name, arg);
    if (!msg)
        return NULL;
    OuroObject *args = ouro_tuple_pack(1, msg);
    OURO_DECREF(msg);
    OuroObject *e = args ? ouro_exception_new(&ouro_exc_ModuleNotFoundError, args) : NULL;
    OURO_XDECREF(args);
    OuroObject *d = e ? ouro_object_getattr_str(e, "__dict__") : NULL;
    if (d) {
        ouro_dict_set_item_str(d, "name", name);
        OURO_DECREF(d);
    }
    ouro_err_clear();
    if (e)
        ouro_err_restore(e);
    return NULL;
}

/* Reads a whole file (malloc'd, NUL-terminated) or NULL with OSError. */
static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        OuroObject *p = ouro_str_from_cstr(path);
        ou_err_from_errno(errno, p);
        OURO_XDECREF(p);
        return NULL;
    }
    size_t cap = 4096, n = 0, k;
    char *buf = malloc(cap);
    while (buf && (k = fread(buf + n, 1, cap - n - 1, fp)) > 0) {
        n += k;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(fp);
    if (!buf) {
        ouro_err_no_memory();
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Looks for short (the last part of the dotted name) in the directories of search (a
 * list of str): DIR/short/__init__.py (package: *pkgdir set) or DIR/short.py. Returns the
 * path (new str) or NULL without an exception when nothing matches. */
static OuroObject *find_source(OuroObject *search, const char *shortname, OuroObject **pkgdir)
{
    *pkgdir = NULL;
    if (!search || !ouro_list_check(search))
        return NULL;
    for (ouro_ssize i = 0; i < OURO_LIST_SIZE(search); i++) {
        OuroObject *dir = OURO_LIST_GET(search, i);
        if (!ouro_str_check(dir))
            continue;
        const char *d = ouro_str_utf8(dir);
        const char *sep = d[0] ? "/" : "";
        OuroObject *pkg = ouro_str_from_format("%s%s%s", d, sep, shortname);
        if (!pkg)
            return NULL;
        OuroObject *init = ouro_str_from_format("%U/__init__.py", pkg);
        if (init && is_dir(ouro_str_utf8(pkg)) && is_file(ouro_str_utf8(init))) {
            *pkgdir = pkg;
            return init;
        }
        OURO_XDECREF(init);
        OuroObject *py = ouro_str_from_format("%U.py", pkg);
        OURO_DECREF(pkg);
        if (py && is_file(ouro_str_utf8(py)))
            return py;
        OURO_XDECREF(py);
    }
    return NULL;
}

/* Creates module name from the source file path, runs it inside sys.modules, and returns
 * sys.modules[name]. pkgdir: the package directory (its __path__) or NULL. */
static OuroObject *load_source(OuInterp *in, OuroObject *name, OuroObject *path,
                               OuroObject *pkgdir)
{
    size_t len;
    char *src = read_file(ouro_str_utf8(path), &len);
    if (!src)
        return NULL;
    OuroObject *code = ou_compile_source(src, len, ouro_str_utf8(path), OU_PARSE_FILE, NULL);
    free(src);
    if (!code)
        return NULL;
    OuroObject *m = ou_module_new(name), *r = NULL;
    if (!m)
        goto done;
    OuroObject *d = ou_module_dict(m);
    if (ouro_dict_set_item_str(d, "__file__", path) < 0 ||
        ouro_dict_set_item_str(d, "__builtins__", in->builtins) < 0)
        goto done;
    if (pkgdir) {
        OuroObject *p = ouro_list_new(0);
        int rc = p ? ouro_list_append(p, pkgdir) : -1;
        if (rc == 0)
            rc = ouro_dict_set_item_str(d, "__path__", p);
        OURO_XDECREF(p);
        if (rc < 0 || ouro_dict_set_item_str(d, "__package__", name) < 0)
            goto done;
    } else {
        const char *s = ouro_str_utf8(name), *dot = strrchr(s, '.');
        OuroObject *pkg = ouro_str_from_utf8(s, dot ? (size_t)(dot - s) : 0);
        int rc = pkg ? ouro_dict_set_item_str(d, "__package__", pkg) : -1;
        OURO_XDECREF(pkg);
        if (rc < 0)
            goto done;
    }
    if (ouro_dict_set_item(in->modules, name, m) < 0)
        goto done;
    r = ou_eval_code(code, d, NULL);
    if (!r) {
        /* Failed: forget it, and break the function <-> globals cycles it made. */
        OuroObject *exc = ouro_err_fetch();
        if (ouro_dict_contains(in->modules, name) > 0 && ouro_dict_del_item(in->modules, name) < 0)
            ouro_err_clear();
        ouro_dict_clear(d);
        ouro_err_restore(exc);
        goto done;
    }
    OURO_DECREF(r);
    r = ouro_dict_get_item_with_error(in->modules, name);
    if (r)
        OURO_INCREF(r);
    else if (!ouro_err_occurred())
        ouro_err_format(&ouro_exc_ImportError, "Loaded module %U not found in sys.modules", name);
done:
    OURO_DECREF(code);
    OURO_XDECREF(m);
    return r;
}

/* Imports the last part of name inside parent (a package module, or NULL for top level). */
static OuroObject *import_fresh(OuInterp *in, OuroObject *name, OuroObject *parent,
                                const char *shortname)
{
    OuroObject *search, *r;
    if (parent) {
        search = ouro_object_getattr_str(parent, "__path__");
        if (!search) {
            ouro_err_clear();
            OuroObject *pname = ouro_str_from_utf8(ouro_str_utf8(name),
                                                   (size_t)(shortname - 1 - ouro_str_utf8(name)));
            r = pname ? not_found(name, "No module named '%U'; '%U' is not a package", pname) : NULL;
            OURO_XDECREF(pname);
            return r;
        }
    } else {
        OuroObject *b = ou_import_builtin(name);
        if (b) {
            int rc = ouro_dict_set_item(in->modules, name, b);
            if (rc < 0)
                OURO_CLEAR(b);
            return b;
        }
        if (ouro_err_occurred())
            return NULL;
        search = ouro_dict_get_item_str(in->sys_dict, "path");
        OURO_XINCREF(search);
    }
    OuroObject *pkgdir;
    OuroObject *path = find_source(search, shortname, &pkgdir);
    OURO_XDECREF(search);
    if (!path)
        return ouro_err_occurred() ? NULL : not_found(name, "No module named '%U'", NULL);
    r = load_source(in, name, path, pkgdir);
    OURO_DECREF(path);
    OURO_XDECREF(pkgdir);
    return r;
}

OuroObject *ou_import_module(OuroObject *name)
{
    OuInterp *in = ou_interp();
    if (!in)
        return NULL;
    if (!ouro_str_check(name))
        return ouro_err_format(&ouro_exc_TypeError, "module name must be str, not %s",
                               OURO_TYPE_NAME(name));
    if (ouro_str_length(name) == 0)
        return ouro_err_format(&ouro_exc_ValueError, "Empty module name");
    OuroObject *m = ouro_dict_get_item_with_error(in->modules, name);
    if (m) {
        if (m == OURO_NONE)
            return not_found(name, "import of %U halted; None in sys.modules", NULL);
        return OURO_NEWREF(m);
    }
    if (ouro_err_occurred())
        return NULL;
    const char *s = ouro_str_utf8(name), *dot = strrchr(s, '.');
    OuroObject *parent = NULL;
    if (dot) {
        OuroObject *pname = ouro_str_from_utf8(s, (size_t)(dot - s));
        parent = pname ? ou_import_module(pname) : NULL;
        OURO_XDECREF(pname);
        if (!parent)
            return NULL;
        /* The parent's code may have imported us already. */
        m = ouro_dict_get_item_with_error(in->modules, name);
        if (m) {
            OURO_DECREF(parent);
            return OURO_NEWREF(m);
        }
    }
    m = import_fresh(in, name, parent, dot ? dot + 1 : s);
    if (m && parent) { /* a submodule is an attribute of its package */
        OuroObject *attr = ouro_str_from_cstr(dot + 1);
        if (!attr || ouro_object_setattr(parent, attr, m) < 0)
            OURO_CLEAR(m);
        OURO_XDECREF(attr);
    }
    OURO_XDECREF(parent);
    return m;
}

OuroObject *ou_module_run_frozen(OuroObject *m, const char *name, const char *source)
{
    if (!m)
        return NULL;
    char filename[64];
    snprintf(filename, sizeof filename, "<frozen %s>", name);
    OuroObject *code = ou_compile_source(source, strlen(source), filename, OU_PARSE_FILE, NULL);
    OuroObject *r = code ? ou_eval_code(code, ou_module_dict(m), NULL) : NULL;
    OURO_XDECREF(code);
    if (!r) {
        ouro_dict_clear(ou_module_dict(m)); /* its functions refer back to the module */
        OURO_DECREF(m);
        return NULL;
    }
    OURO_DECREF(r);
    return m;
}

OuroObject *ou_module_frozen(const char *name, const char *source)
{
    OuroObject *n = ouro_str_from_cstr(name);
    OuroObject *m = n ? ou_module_new(n) : NULL;
    OURO_XDECREF(n);
    return ou_module_run_frozen(m, name, source);
}

/* Sets ImportError(message) for `ouro -m` (the command prints it after "ouro: "). */
static OuroObject *main_error(const char *fmt, OuroObject *a, OuroObject *b)
{
    OuroObject *msg = ouro_str_from_format(fmt, a, b);
    if (msg) {
        ouro_err_set_object(&ouro_exc_ImportError, msg);
        OURO_DECREF(msg);
    }
    return NULL;
}

OuroObject *ou_import_main_path(OuroObject *name)
{
    OuInterp *in = ou_interp();
    if (!in)
        return NULL;
    const char *s = ouro_str_utf8(name), *dot = strrchr(s, '.');
    OuroObject *search;
    if (dot) { /* the parent package is imported first, as CPython's runpy does */
        OuroObject *pname = ouro_str_from_utf8(s, (size_t)(dot - s));
        OuroObject *parent = pname ? ou_import_module(pname) : NULL;
        if (!parent) {
            OURO_XDECREF(pname);
            if (ouro_err_matches(&ouro_exc_ModuleNotFoundError)) {
                OuroObject *e = ouro_err_fetch(), *why = ouro_object_str(e);
                OURO_DECREF(e);
                if (why)
                    main_error("Error while finding module specification for '%U' "
                               "(ModuleNotFoundError: %U)", name, why);
                OURO_XDECREF(why);
            }
            return NULL;
        }
        search = ouro_object_getattr_str(parent, "__path__");
        OURO_DECREF(parent);
        if (!search) {
            ouro_err_clear();
            OuroObject *msg = ouro_str_from_format(
                "Error while finding module specification for '%U' (ModuleNotFoundError: "
                "__path__ attribute not found on '%U' while trying to find '%U')", name, pname,
                name);
            if (msg) {
                ouro_err_set_object(&ouro_exc_ImportError, msg);
                OURO_DECREF(msg);
            }
            OURO_DECREF(pname);
            return NULL;
        }
        OURO_DECREF(pname);
    } else {
        /* A built-in module (imported already, as sys, or not yet) has no source. */
        OuroObject *b = ouro_dict_get_item_with_error(in->modules, name);
        bool has_file = false;
        if (b && b != OURO_NONE) {
            OuroObject *f = ouro_object_getattr_str(b, "__file__");
            has_file = f != NULL;
            OURO_XDECREF(f);
            ouro_err_clear();
            OURO_INCREF(b);
        } else {
            b = ouro_err_occurred() ? NULL : ou_import_builtin(name);
        }
        if (b) {
            OURO_DECREF(b);
            if (!has_file)
                return main_error("No code object available for %U", name, NULL);
        }
        if (ouro_err_occurred())
            return NULL;
        search = ouro_dict_get_item_str(in->sys_dict, "path");
        OURO_XINCREF(search);
    }
    OuroObject *pkgdir;
    OuroObject *path = find_source(search, dot ? dot + 1 : s, &pkgdir);
    OURO_XDECREF(search);
    if (!path)
        return ouro_err_occurred() ? NULL : main_error("No module named %U", name, NULL);
    if (!pkgdir)
        return path;
    /* A package runs its __main__ submodule, after the package itself is imported. */
    OURO_DECREF(path);
    OuroObject *pkg = ou_import_module(name);
    if (!pkg) {
        OURO_DECREF(pkgdir);
        return NULL;
    }
    OURO_DECREF(pkg);
    OuroObject *main = ouro_str_from_format("%U/__main__.py", pkgdir);
    OURO_DECREF(pkgdir);
    if (main && is_file(ouro_str_utf8(main)))
        return main;
    OURO_XDECREF(main);
    return main_error("No module named %U.__main__; '%U' is a package and cannot be directly "
                      "executed", name, name);
}

/* The package that relative imports of globals resolve against (new str), or NULL. */
static OuroObject *package_of(OuroObject *globals)
{
    if (!globals || !ouro_dict_check(globals))
        return ouro_err_format(&ouro_exc_KeyError, "'__name__' not in globals");
    OuroObject *pkg = ouro_dict_get_item_str(globals, "__package__");
    if (pkg && ouro_str_check(pkg))
        return OURO_NEWREF(pkg);
    OuroObject *name = ouro_dict_get_item_str(globals, "__name__");
    if (!name || !ouro_str_check(name))
        return ouro_err_format(&ouro_exc_KeyError, "'__name__' not in globals");
    if (ouro_dict_get_item_str(globals, "__path__"))
        return OURO_NEWREF(name);
    const char *s = ouro_str_utf8(name), *dot = strrchr(s, '.');
    return ouro_str_from_utf8(s, dot ? (size_t)(dot - s) : 0);
}

/* name made absolute for a relative import of the given level. New str or NULL. */
static OuroObject *resolve_name(OuroObject *name, OuroObject *globals, int level)
{
    OuroObject *pkg = package_of(globals);
    if (!pkg)
        return NULL;
    if (ouro_str_length(pkg) == 0) {
        OURO_DECREF(pkg);
        return ouro_err_format(&ouro_exc_ImportError,
                               "attempted relative import with no known parent package");
    }
    const char *p = ouro_str_utf8(pkg);
    size_t n = strlen(p);
    for (int i = 1; i < level; i++) {
        while (n > 0 && p[n - 1] != '.')
            n--;
        if (n == 0) {
            OURO_DECREF(pkg);
            return ouro_err_format(&ouro_exc_ImportError,
                                   "attempted relative import beyond top-level package");
        }
        n--;
    }
    OuroObject *base = ouro_str_from_utf8(p, n);
    OURO_DECREF(pkg);
    if (!base || ouro_str_length(name) == 0)
        return base;
    OuroObject *r = ouro_str_from_format("%U.%U", base, name);
    OURO_DECREF(base);
    return r;
}

OuroObject *ou_import_name(OuroObject *name, OuroObject *globals, OuroObject *fromlist,
                           int level)
{
    OuroObject *abs = level > 0 ? resolve_name(name, globals, level) : OURO_NEWREF(name);
    if (!abs)
        return NULL;
    OuroObject *m = ou_import_module(abs);
    int from = fromlist == OURO_NONE ? 0 : ouro_object_is_true(fromlist);
    if (!m || from != 0 || level > 0) {
        OURO_DECREF(abs);
        if (from < 0)
            OURO_CLEAR(m);
        return m;
    }
    /* import a.b.c without a fromlist binds the top-level package a. */
    const char *s = ouro_str_utf8(abs), *dot = strchr(s, '.');
    if (dot) {
        OuroObject *top = ouro_str_from_utf8(s, (size_t)(dot - s));
        OURO_DECREF(m);
        m = top ? ou_import_module(top) : NULL;
        OURO_XDECREF(top);
    }
    OURO_DECREF(abs);
    return m;
}
