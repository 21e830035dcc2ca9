/* src/modules/builtins_eval.c — the builtins that need the compiler, the evaluation loop
 * or the interpreter state (exec, eval, compile, globals, locals, vars, dir, input, open,
 * __import__, __build_class__), and the assembly of the builtins module itself. */
#include "modules.h"
#include "lang/eval.h"
#include <string.h>

/* --------------------------------------------------------- exec/eval/compile -- */

/* Source text of a str or bytes argument (borrowed pointer into src), or NULL. */
static const char *source_text(OuroObject *src, size_t *len)
{
    if (ouro_str_check(src)) {
        *len = (size_t)ouro_str_byte_length(src);
        return ouro_str_utf8(src);
    }
    if (ouro_bytes_check(src)) {
        *len = (size_t)ouro_bytes_length(src);
        return ouro_bytes_data(src);
    }
    return NULL;
}

/* A code object for exec/eval: the argument itself, or compiled from source. */
static OuroObject *code_for(const char *fname, OuroObject *src, OuParseMode mode)
{
    if (OURO_IS_TYPE(src, &ou_code_type))
        return OURO_NEWREF(src);
    size_t len;
    const char *text = source_text(src, &len);
    if (!text)
        return ouro_err_format(&ouro_exc_TypeError,
                               "%s() arg 1 must be a string, bytes or code object", fname);
    if (mode == OU_PARSE_EVAL) /* eval() ignores leading spaces and tabs */
        while (len && (*text == ' ' || *text == '\t'))
            text++, len--;
    return ou_compile_source(text, len, "<string>", mode, NULL);
}

/* Resolves the globals/locals pair of exec and eval (new references in *g, *l). 0/-1. */
static int namespaces(const char *fname, OuroObject *globals, OuroObject *locals,
                      OuroObject **g, OuroObject **l)
{
    if (globals == OURO_NONE)
        globals = NULL;
    if (locals == OURO_NONE)
        locals = NULL;
    if (globals && !ouro_dict_check(globals)) {
        ouro_err_format(&ouro_exc_TypeError, fname[0] == 'e' && fname[1] == 'x'
                            ? "exec() globals must be a dict, not %s"
                            : "globals must be a dict", OURO_TYPE_NAME(globals));
        return -1;
    }
    if (locals && !OURO_TYPE(locals)->tp_as_mapping) {
        ouro_err_set_string(&ouro_exc_TypeError, "locals must be a mapping");
        return -1;
    }
    if (!globals) {
        globals = ou_eval_globals();
        if (!globals) {
            ouro_err_format(&ouro_exc_SystemError, "%s(): no globals", fname);
            return -1;
        }
        *g = OURO_NEWREF(globals);
        *l = locals ? OURO_NEWREF(locals) : ou_eval_locals();
        if (!*l) {
            OURO_CLEAR(*g);
            return -1;
        }
        return 0;
    }
    *g = OURO_NEWREF(globals);
    *l = OURO_NEWREF(locals ? locals : globals);
    return 0;
}

static OuroObject *exec_or_eval(const char *fname, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames, OuParseMode mode)
{
    static const char *const kwlist[] = { "", "globals", "locals", "closure" };
    OuroObject *a[4];
    if (ou_builtin_parse_args(fname, args, nargs, kwnames, kwlist, 4, 1, a) < 0)
        return NULL;
    OuroObject *g, *l;
    if (namespaces(fname, a[1], a[2], &g, &l) < 0)
        return NULL;
    OuroObject *r = NULL, *code = code_for(fname, a[0], mode);
    if (code) {
        r = ou_eval_code(code, g, l);
        OURO_DECREF(code);
    }
    OURO_DECREF(g);
    OURO_DECREF(l);
    if (r && mode != OU_PARSE_EVAL)
        OURO_SETREF(r, OURO_NEWREF(OURO_NONE));
    return r;
}

static OuroObject *builtin_exec(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    return exec_or_eval("exec", args, nargs, kwnames, OU_PARSE_FILE);
}

static OuroObject *builtin_eval(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    return exec_or_eval("eval", args, nargs, kwnames, OU_PARSE_EVAL);
}

static OuroObject *builtin_compile(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                   OuroObject *kwnames)
{
    static const char *const kwlist[] = { "source", "filename", "mode", "flags",
                                          "dont_inherit", "optimize" };
    OuroObject *a[6];
    if (ou_builtin_parse_args("compile", args, nargs, kwnames, kwlist, 6, 3, a) < 0)
        return NULL;
    size_t len;
    const char *text = source_text(a[0], &len);
    if (OURO_IS_TYPE(a[0], &ou_code_type))
        return OURO_NEWREF(a[0]);
    if (!text)
        return ouro_err_format(&ouro_exc_TypeError,
                               "compile() arg 1 must be a string, bytes or AST object");
    if (!ouro_str_check(a[1]))
        return ouro_err_format(&ouro_exc_TypeError,
                               "compile() argument 'filename' must be str, not %s",
                               OURO_TYPE_NAME(a[1]));
    if (!ouro_str_check(a[2]))
        return ouro_err_format(&ouro_exc_TypeError,
                               "compile() argument 'mode' must be str, not %s",
                               OURO_TYPE_NAME(a[2]));
    OuParseMode mode;
    if (ouro_str_equal_cstr(a[2], "exec"))
        mode = OU_PARSE_FILE;
    else if (ouro_str_equal_cstr(a[2], "eval"))
        mode = OU_PARSE_EVAL;
    else if (ouro_str_equal_cstr(a[2], "single"))
        mode = OU_PARSE_SINGLE;
    else
        return ouro_err_format(&ouro_exc_ValueError,
                               "compile() mode must be 'exec', 'eval' or 'single'");
    return ou_compile_source(text, len, ouro_str_utf8(a[1]), mode, NULL);
}

/* ------------------------------------------------------------ namespaces -- */

static OuroObject *builtin_globals(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                   OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("globals", kwnames) < 0 ||
        ou_builtin_check_nargs("globals", nargs, 0, 0) < 0)
        return NULL;
    OuroObject *g = ou_eval_globals();
    if (!g)
        return ouro_err_format(&ouro_exc_SystemError, "globals(): no current frame");
    return OURO_NEWREF(g);
}

static OuroObject *builtin_locals(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                  OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("locals", kwnames) < 0 ||
        ou_builtin_check_nargs("locals", nargs, 0, 0) < 0)
        return NULL;
    return ou_eval_locals();
}

static OuroObject *builtin_vars(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("vars", kwnames) < 0 ||
        ou_builtin_check_nargs("vars", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return ou_eval_locals();
    OuroObject *d = ouro_object_getattr_str(args[0], "__dict__");
    if (!d && ouro_err_matches(&ouro_exc_AttributeError)) {
        ouro_err_clear();
        return ouro_err_format(&ouro_exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* Adds the keys of mapping d (if a dict) to set s. 0/-1. */
static int add_keys(OuroObject *s, OuroObject *d)
{
    if (!d || !ouro_dict_check(d))
        return 0;
    ouro_ssize pos = 0;
    OuroObject *k, *v;
    while (ouro_dict_next(d, &pos, &k, &v))
        if (ouro_set_add(s, k) < 0)
            return -1;
    return 0;
}

/* dir(o) without a __dir__ method: the instance dict, then the dicts along the MRO (of o
 * itself for a class, of its type otherwise). */
static OuroObject *default_dir(OuroObject *o)
{
    OuroObject *s = ouro_set_new(NULL);
    if (!s)
        return NULL;
    bool is_type = (OURO_TYPE(o)->tp_flags & OURO_TPFLAG_TYPE_SUBCLASS) != 0;
    OuroObject *own = OURO_IS_TYPE(o, &ou_module_type) ? OURO_NEWREF(ou_module_dict(o))
                      : is_type ? NULL : ouro_object_getattr_str(o, "__dict__");
    if (!own)
        ouro_err_clear();
    int rc = add_keys(s, own);
    OURO_XDECREF(own);
    if (!OURO_IS_TYPE(o, &ou_module_type)) {
        OuroType *t = is_type ? (OuroType *)o : OURO_TYPE(o);
        for (; rc == 0 && t; t = t->tp_base)
            rc = add_keys(s, ou_type_dict(t));
    }
    OuroObject *l = rc < 0 ? NULL : ouro_sequence_list(s);
    OURO_DECREF(s);
    return l;
}

static OuroObject *builtin_dir(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("dir", kwnames) < 0 ||
        ou_builtin_check_nargs("dir", nargs, 0, 1) < 0)
        return NULL;
    OuroObject *r;
    if (nargs == 0) {
        OuroObject *loc = ou_eval_locals();
        if (!loc)
            return NULL;
        r = ouro_sequence_list(loc);
        OURO_DECREF(loc);
    } else {
        OuroObject *d = ou_mod_call_method(args[0], "__dir__", NULL, 0, NULL);
        if (!d && ouro_err_matches(&ouro_exc_AttributeError)) {
            ouro_err_clear();
            r = default_dir(args[0]);
        } else {
            r = d ? ouro_sequence_list(d) : NULL;
            OURO_XDECREF(d);
        }
    }
    if (r && ouro_list_sort(r) < 0)
        OURO_CLEAR(r);
    return r;
}

/* ------------------------------------------------------------------- I/O -- */

static OuroObject *builtin_input(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                 OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("input", kwnames) < 0 ||
        ou_builtin_check_nargs("input", nargs, 0, 1) < 0)
        return NULL;
    OuroObject *in = ou_sys_get("stdin"), *out = ou_sys_get("stdout");
    if (!in)
        return ouro_err_format(&ouro_exc_RuntimeError, "input(): lost sys.stdin");
    if (nargs == 1 && out) {
        OuroObject *p = ouro_object_str(args[0]);
        int rc = p ? ou_file_write_str(out, p) : -1;
        OURO_XDECREF(p);
        if (rc < 0)
            return NULL;
    }
    ou_sys_flush_std();
    bool eof;
    OuroObject *line = ou_file_readline_raw(in, &eof);
    if (!line && eof)
        return ouro_err_format(&ouro_exc_EOFError, "EOF when reading a line");
    return line;
}

static OuroObject *builtin_open(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    static const char *const kwlist[] = { "file", "mode", "buffering", "encoding", "errors",
                                          "newline", "closefd", "opener" };
    OuroObject *a[8];
    if (ou_builtin_parse_args("open", args, nargs, kwnames, kwlist, 8, 1, a) < 0)
        return NULL;
    if (a[1] && !ouro_str_check(a[1]))
        return ouro_err_format(&ouro_exc_TypeError,
                               "open() argument 'mode' must be str, not %s", OURO_TYPE_NAME(a[1]));
    OuroObject *mode = a[1] ? OURO_NEWREF(a[1]) : ouro_str_from_cstr("r");
    if (!mode)
        return NULL;
    OuroObject *f = ou_file_open(a[0], mode, a[3]);
    OURO_DECREF(mode);
    return f;
}

/* ---------------------------------------------------------------- import -- */

static OuroObject *builtin_import(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                  OuroObject *kwnames)
{
    static const char *const kwlist[] = { "name", "globals", "locals", "fromlist", "level" };
    OuroObject *a[5];
    if (ou_builtin_parse_args("__import__", args, nargs, kwnames, kwlist, 5, 1, a) < 0)
        return NULL;
    if (!ouro_str_check(a[0]))
        return ouro_err_format(&ouro_exc_TypeError, "module name must be str, not %s",
                               OURO_TYPE_NAME(a[0]));
    int level = 0;
    if (a[4]) {
        int64_t v = ouro_int_as_int64(a[4]);
        if (v == -1 && ouro_err_occurred())
            return NULL;
        if (v < 0)
            return ouro_err_format(&ouro_exc_ValueError, "level must be >= 0");
        level = (int)v;
    }
    return ou_import_name(a[0], a[1], a[3] ? a[3] : OURO_NONE, level);
}

/* -------------------------------------------------------- __build_class__ -- */

/* The most derived metaclass of meta and the types of bases, or TypeError. Borrowed. */
static OuroObject *winner_meta(OuroObject *meta, OuroObject *bases)
{
    OuroType *winner = (OuroType *)meta;
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(bases); i++) {
        OuroType *t = OURO_TYPE(OURO_TUPLE_GET(bases, i));
        if (ouro_type_is_subtype(winner, t))
            continue;
        if (ouro_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        return ouro_err_format(&ouro_exc_TypeError,
                               "metaclass conflict: the metaclass of a derived class must be a "
                               "(non-strict) subclass of the metaclasses of all its bases");
    }
    return (OuroObject *)winner;
}

/* meta.__prepare__(name, bases, **kwargs), or a new dict when there is none. */
static OuroObject *prepare_namespace(OuroObject *meta, OuroObject *name, OuroObject *bases,
                                     OuroObject *kwargs)
{
    OuroObject *prep = ouro_object_getattr_str(meta, "__prepare__");
    if (!prep) {
        if (!ouro_err_matches(&ouro_exc_AttributeError))
            return NULL;
        ouro_err_clear();
        return ouro_dict_new();
    }
    OuroObject *args = ouro_tuple_pack(2, name, bases);
    OuroObject *ns = args ? ouro_object_call(prep, args, kwargs) : NULL;
    OURO_XDECREF(args);
    OURO_DECREF(prep);
    if (ns && !OURO_TYPE(ns)->tp_as_mapping) {
        ouro_err_format(&ouro_exc_TypeError,
                        "%s.__prepare__() must return a mapping, not %s",
                        ouro_type_name((OuroType *)meta), OURO_TYPE_NAME(ns));
        OURO_CLEAR(ns);
    }
    return ns;
}

static OuroObject *kwargs_dict(OuroObject *const *args, ouro_ssize nargs, OuroObject *kwnames)
{
    OuroObject *d = ouro_dict_new();
    ouro_ssize nkw = kwnames ? OURO_TUPLE_SIZE(kwnames) : 0;
    for (ouro_ssize k = 0; d && k < nkw; k++)
        if (ouro_dict_set_item(d, OURO_TUPLE_GET(kwnames, k), args[nargs + k]) < 0)
            OURO_CLEAR(d);
    return d;
}

static OuroObject *builtin_build_class(OuroObject *self, OuroObject *const *args,
                                       ouro_ssize nargs, OuroObject *kwnames)
{
    if (nargs < 2)
        return ouro_err_format(&ouro_exc_TypeError, "__build_class__: not enough arguments");
    OuroObject *func = args[0], *name = args[1];
    if (!OURO_IS_TYPE(func, &ou_function_type))
        return ouro_err_format(&ouro_exc_TypeError, "__build_class__: func must be a function");
    if (!ouro_str_check(name))
        return ouro_err_format(&ouro_exc_TypeError, "__build_class__: name is not a string");
    OuroObject *bases = ouro_tuple_from_array(args + 2, nargs - 2);
    OuroObject *kwargs = bases ? kwargs_dict(args, nargs, kwnames) : NULL;
    OuroObject *meta = NULL, *ns = NULL, *cell = NULL, *cls = NULL;
    if (!kwargs)
        goto done;
    meta = ouro_dict_pop(kwargs, ouro_str_intern_cstr("metaclass"), NULL);
    if (!meta) {
        if (ouro_err_occurred()) {
            if (!ouro_err_matches(&ouro_exc_KeyError))
                goto done;
            ouro_err_clear();
        }
        meta = OURO_NEWREF(OURO_TUPLE_SIZE(bases) ? (OuroObject *)OURO_TYPE(OURO_TUPLE_GET(bases, 0))
                                                  : (OuroObject *)&ouro_type_type);
    }
    if (OURO_TYPE(meta)->tp_flags & OURO_TPFLAG_TYPE_SUBCLASS || meta == (OuroObject *)&ouro_type_type) {
        OuroObject *w = winner_meta(meta, bases);
        if (!w)
            goto done;
        OURO_SETREF(meta, OURO_NEWREF(w));
    }
    if (!(ns = prepare_namespace(meta, name, bases, kwargs)))
        goto done;
    if (!(cell = ou_eval_class_body(func, ns)))
        goto done;
    OuroObject *margs = ouro_tuple_pack(3, name, bases, ns);
    cls = margs ? ouro_object_call(meta, margs, ouro_dict_size(kwargs) ? kwargs : NULL) : NULL;
    OURO_XDECREF(margs);
    /* Zero-argument super(): the class body's __class__ cell refers to the new class. */
    if (cls && OURO_IS_TYPE(cell, &ou_cell_type) && !((OuCell *)cell)->ob_ref)
        ((OuCell *)cell)->ob_ref = OURO_NEWREF(cls);
done:
    OURO_XDECREF(cell);
    OURO_XDECREF(ns);
    OURO_XDECREF(meta);
    OURO_XDECREF(kwargs);
    OURO_XDECREF(bases);
    return cls;
}

/* exit(code=None) / quit(code=None): what the site module adds to CPython's builtins. */
static OuroObject *builtin_exit(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    static const char *const kwlist[] = { "code" };
    OuroObject *a[1];
    if (ou_builtin_parse_args("exit", args, nargs, kwnames, kwlist, 1, 0, a) < 0)
        return NULL;
    ou_sys_flush_std();
    ouro_err_set_object(&ouro_exc_SystemExit, a[0]);
    return NULL;
}

#define FASTKW (OURO_METH_FASTCALL | OURO_METH_KEYWORDS)
const OuroMethodDef ou_builtins_eval_methods[] = {
    { "exec", OURO_METH(builtin_exec), FASTKW, "Execute the given source in the context of globals and locals." },
    { "eval", OURO_METH(builtin_eval), FASTKW, "Evaluate the given source in the context of globals and locals." },
    { "compile", OURO_METH(builtin_compile), FASTKW, "Compile source into a code object that can be executed by exec() or eval()." },
    { "globals", OURO_METH(builtin_globals), FASTKW, "Return the dictionary containing the current scope's global variables." },
    { "locals", OURO_METH(builtin_locals), FASTKW, "Return a dictionary containing the current scope's local variables." },
    { "vars", OURO_METH(builtin_vars), FASTKW, "Show vars." },
    { "dir", OURO_METH(builtin_dir), FASTKW, "Show attributes of an object." },
    { "input", OURO_METH(builtin_input), FASTKW, "Read a string from standard input." },
    { "open", OURO_METH(builtin_open), FASTKW, "Open file and return a stream." },
    { "__import__", OURO_METH(builtin_import), FASTKW, "Import a module." },
    { "__build_class__", OURO_METH(builtin_build_class), FASTKW, "Internal helper function used by the class statement." },
    { "exit", OURO_METH(builtin_exit), FASTKW, "Exit the interpreter (raises SystemExit(code))." },
    { "quit", OURO_METH(builtin_exit), FASTKW, "Exit the interpreter (raises SystemExit(code))." },
    { NULL, NULL, 0, NULL },
};

/* ------------------------------------------------------ the module itself -- */

static int add_object(OuroObject *d, const char *name, OuroObject *o)
{
    return ouro_dict_set_item_str(d, name, o);
}

static int add_types(OuroObject *d)
{
    static const struct { const char *name; OuroType *t; } types[] = {
        { "bool", &ouro_bool_type }, { "bytes", &ouro_bytes_type }, { "dict", &ouro_dict_type },
        { "bytearray", &ouro_bytearray_type }, { "memoryview", &ou_memoryview_type },
        { "float", &ouro_float_type }, { "frozenset", &ouro_frozenset_type },
        { "complex", &ouro_complex_type },
        { "int", &ouro_int_type }, { "list", &ouro_list_type }, { "object", &ouro_object_type },
        { "range", &ouro_range_type }, { "set", &ouro_set_type }, { "slice", &ouro_slice_type },
        { "str", &ouro_str_type }, { "tuple", &ouro_tuple_type }, { "type", &ouro_type_type },
        { "enumerate", &ou_enumerate_type }, { "zip", &ou_zip_type }, { "map", &ou_map_type },
        { "filter", &ou_filter_type }, { "reversed", &ou_reversed_type },
        { "super", &ou_super_type }, { "property", &ou_property_type },
        { "staticmethod", &ou_staticmethod_type }, { "classmethod", &ou_classmethod_type },
#define OU_EXC_ENTRY(name, base) { #name, &ouro_exc_##name },
        OURO_EXCEPTION_TYPES(OU_EXC_ENTRY)
#undef OU_EXC_ENTRY
        { "EnvironmentError", &ouro_exc_OSError }, { "IOError", &ouro_exc_OSError },
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (add_object(d, types[i].name, (OuroObject *)types[i].t) < 0)
            return -1;
    return 0;
}

OuroObject *ou_builtins_create(void)
{
    OuroObject *m = ou_module_from_defs("builtins", ou_builtins_core_methods,
                                        "Built-in functions, types, exceptions, and other "
                                        "objects.");
    if (!m)
        return NULL;
    OuroObject *d = ou_module_dict(m), *modname = ouro_dict_get_item_str(d, "__name__");
    for (const OuroMethodDef *def = ou_builtins_eval_methods; def->ml_name; def++) {
        OuroObject *f = ou_cfunction_new(def, m, modname);
        int rc = f ? ouro_dict_set_item_str(d, def->ml_name, f) : -1;
        OURO_XDECREF(f);
        if (rc < 0)
            goto fail;
    }
    if (add_types(d) < 0 || add_object(d, "None", OURO_NONE) < 0 ||
        add_object(d, "True", OURO_TRUE) < 0 || add_object(d, "False", OURO_FALSE) < 0 ||
        add_object(d, "Ellipsis", OURO_ELLIPSIS) < 0 ||
        add_object(d, "NotImplemented", OURO_NOTIMPLEMENTED) < 0 ||
        add_object(d, "__debug__", OURO_TRUE) < 0)
        goto fail;
    return m;
fail:
    ouro_dict_clear(d); /* its functions refer back to the module */
    OURO_DECREF(m);
    return NULL;
}
