/* src/objects/exceptions.c — BaseException and the built-in exception hierarchy of
 * CPython 3.11. One layout (OuroBaseException) serves every built-in exception; the extra
 * attributes some carry (StopIteration.value, OSError.errno, ...) come with the language
 * layer, read from args. */
#include "objects.h"
#include <errno.h>
#include <stddef.h>
#include <string.h>

static void exc_clear_refs(OuroBaseException *e)
{
    OURO_CLEAR(e->dict);
    OURO_CLEAR(e->args);
    OURO_CLEAR(e->notes);
    OURO_CLEAR(e->traceback);
    OURO_CLEAR(e->context);
    OURO_CLEAR(e->cause);
}

static int exc_clear(OuroObject *o)
{
    exc_clear_refs((OuroBaseException *)o);
    return 0;
}

static void exc_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    exc_clear_refs((OuroBaseException *)o);
    ouro_object_free(o);
}

static int exc_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuroBaseException *e = (OuroBaseException *)o;
    OuroObject *refs[] = { e->dict, e->args, e->notes, e->traceback, e->context, e->cause };
    for (size_t i = 0; i < OU_ARRAY_LEN(refs); i++) {
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

OURO_API OuroObject *ouro_exception_new(OuroType *type, OuroObject *args)
{
    OuroBaseException *e = (OuroBaseException *)ouro_object_alloc(type);
    if (!e)
        return NULL;
    e->args = args ? OURO_NEWREF(args) : ouro_tuple_new(0);
    if (!e->args) {
        OURO_DECREF(e);
        return NULL;
    }
    ouro_gc_track((OuroObject *)e);
    return (OuroObject *)e;
}

static OuroObject *exc_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    return ouro_exception_new(type, args);
}

static int exc_init(OuroObject *o, OuroObject *args, OuroObject *kwargs)
{
    OuroBaseException *e = (OuroBaseException *)o;
    if (kwargs && ouro_dict_size(kwargs))
        return ouro_err_format(&ouro_exc_TypeError, "%s() takes no keyword arguments",
                               OURO_TYPE_NAME(o)), -1;
    if (args && args != e->args)
        OURO_SETREF(e->args, OURO_NEWREF(args));
    return 0;
}

OURO_API OuroObject *ouro_exception_args(OuroObject *exc)
{
    return ((OuroBaseException *)exc)->args;
}

OURO_API void ouro_exception_set_context(OuroObject *exc, OuroObject *context)
{
    OURO_SETREF(((OuroBaseException *)exc)->context, context);
}

OURO_API void ouro_exception_set_cause(OuroObject *exc, OuroObject *cause)
{
    OuroBaseException *e = (OuroBaseException *)exc;
    OURO_SETREF(e->cause, cause);
    e->suppress_context = 1;
}

/* str(e): "" for no args, str(arg) for one, str(args) for several. */
static OuroObject *exc_str(OuroObject *o)
{
    OuroObject *args = ((OuroBaseException *)o)->args;
    switch (OURO_TUPLE_SIZE(args)) {
    case 0:
        return ouro_str_from_utf8("", 0);
    case 1:
        return ouro_object_str(OURO_TUPLE_GET(args, 0));
    default:
        return ouro_object_str(args);
    }
}

/* KeyError shows the missing key as its repr: str(KeyError('a')) == "'a'". */
static OuroObject *keyerror_str(OuroObject *o)
{
    OuroObject *args = ((OuroBaseException *)o)->args;
    if (OURO_TUPLE_SIZE(args) == 1)
        return ouro_object_repr(OURO_TUPLE_GET(args, 0));
    return exc_str(o);
}

/* repr(e): "Name(arg)" for one argument, "Name" + repr(args) otherwise: ValueError(),
 * ValueError(1, 2). */
static OuroObject *exc_repr(OuroObject *o)
{
    OuroObject *args = ((OuroBaseException *)o)->args;
    const char *name = OURO_TYPE_NAME(o);
    if (OURO_TUPLE_SIZE(args) == 1)
        return ouro_str_from_format("%s(%R)", name, OURO_TUPLE_GET(args, 0));
    if (OURO_TUPLE_SIZE(args) == 0)
        return ouro_str_from_format("%s()", name);
    return ouro_str_from_format("%s%R", name, args);
}

/* ------------------------------------------------------------ attributes --
 * The attributes of BaseException live in the struct; those of the subclasses
 * (OSError.errno, SyntaxError.lineno, StopIteration.value, ...) are derived from args,
 * unless set, in which case the value is kept in the instance __dict__ (so vars(e) shows
 * the ones that were set or passed as keywords, a documented difference). */

static OuroObject *exc_dict(OuroObject *o, bool create)
{
    OuroBaseException *e = (OuroBaseException *)o;
    if (!e->dict && create)
        e->dict = ouro_dict_new();
    return e->dict;
}

static OuroObject *get_args(OuroObject *o, void *c)
{
    return OURO_NEWREF(((OuroBaseException *)o)->args);
}

static int set_args(OuroObject *o, OuroObject *v, void *c)
{
    if (!v) {
        ouro_err_set_string(&ouro_exc_TypeError, "args may not be deleted");
        return -1;
    }
    OuroObject *t = ouro_sequence_tuple(v);
    if (!t)
        return -1;
    OURO_SETREF(((OuroBaseException *)o)->args, t);
    return 0;
}

static OuroObject *none_or(OuroObject *v) { return OURO_NEWREF(v ? v : OURO_NONE); }

static OuroObject *get_traceback(OuroObject *o, void *c)
{
    return none_or(((OuroBaseException *)o)->traceback);
}

static int set_traceback(OuroObject *o, OuroObject *v, void *c)
{
    if (!v) {
        ouro_err_set_string(&ouro_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != OURO_NONE && strcmp(OURO_TYPE(v)->tp_name, "traceback") != 0) {
        ouro_err_set_string(&ouro_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    OURO_SETREF(((OuroBaseException *)o)->traceback, v == OURO_NONE ? NULL : OURO_NEWREF(v));
    return 0;
}

static OuroObject *get_cause(OuroObject *o, void *c) { return none_or(((OuroBaseException *)o)->cause); }
static OuroObject *get_context(OuroObject *o, void *c) { return none_or(((OuroBaseException *)o)->context); }

/* __cause__ / __context__: None or an exception (closure: "cause" / "context"). */
static int set_chain(OuroObject *o, OuroObject *v, void *c)
{
    const char *what = c;
    if (!v) {
        ouro_err_format(&ouro_exc_TypeError, "%s attribute may not be deleted",
                        strcmp(what, "cause") == 0 ? "__cause__" : "__context__");
        return -1;
    }
    if (v != OURO_NONE && !ouro_exception_check(v)) {
        ouro_err_format(&ouro_exc_TypeError, "exception %s must be None or derive from BaseException",
                        what);
        return -1;
    }
    OuroBaseException *e = (OuroBaseException *)o;
    OuroObject *nv = v == OURO_NONE ? NULL : OURO_NEWREF(v);
    if (strcmp(what, "cause") == 0) {
        OURO_SETREF(e->cause, nv);
        e->suppress_context = 1;
    } else {
        OURO_SETREF(e->context, nv);
    }
    return 0;
}

static OuroObject *get_suppress(OuroObject *o, void *c)
{
    return OURO_NEWREF(((OuroBaseException *)o)->suppress_context ? OURO_TRUE : OURO_FALSE);
}

static int set_suppress(OuroObject *o, OuroObject *v, void *c)
{
    int t = v ? ouro_object_is_true(v) : 0;
    if (t < 0)
        return -1;
    ((OuroBaseException *)o)->suppress_context = (uint8_t)t;
    return 0;
}

static OuroObject *get_notes(OuroObject *o, void *c)
{
    OuroBaseException *e = (OuroBaseException *)o;
    if (!e->notes)
        return ouro_err_format(&ouro_exc_AttributeError, "'%s' object has no attribute '__notes__'",
                               OURO_TYPE_NAME(o));
    return OURO_NEWREF(e->notes);
}

static int set_notes(OuroObject *o, OuroObject *v, void *c)
{
    OuroBaseException *e = (OuroBaseException *)o;
    OURO_SETREF(e->notes, v ? OURO_NEWREF(v) : NULL);
    return 0;
}

static OuroObject *get_dict(OuroObject *o, void *c)
{
    OuroObject *d = exc_dict(o, true);
    return d ? OURO_NEWREF(d) : NULL;
}

static OuroObject *exc_with_traceback(OuroObject *self, OuroObject *tb)
{
    if (set_traceback(self, tb, NULL) < 0)
        return NULL;
    return OURO_NEWREF(self);
}

static OuroObject *exc_add_note(OuroObject *self, OuroObject *note)
{
    if (!ouro_str_check(note))
        return ouro_err_format(&ouro_exc_TypeError, "note must be a str, not '%s'",
                               OURO_TYPE_NAME(note));
    OuroBaseException *e = (OuroBaseException *)self;
    if (!e->notes && !(e->notes = ouro_list_new(0)))
        return NULL;
    if (!ouro_list_check(e->notes))
        return ouro_err_format(&ouro_exc_TypeError, "Cannot add note: __notes__ is not a list");
    if (ouro_list_append(e->notes, note) < 0)
        return NULL;
    OURO_RETURN_NONE;
}

static const OuroMethodDef exc_methods[] = {
    { "with_traceback", OURO_METH(exc_with_traceback), OURO_METH_O,
      "Set self.__traceback__ to tb and return self." },
    { "add_note", OURO_METH(exc_add_note), OURO_METH_O,
      "Add a note to the exception" },
    { NULL, NULL, 0, NULL },
};

static const OuroGetSetDef exc_getset[] = {
    { "args", get_args, set_args, NULL, NULL },
    { "__traceback__", get_traceback, set_traceback, NULL, NULL },
    { "__cause__", get_cause, set_chain, "exception cause", "cause" },
    { "__context__", get_context, set_chain, "exception context", "context" },
    { "__suppress_context__", get_suppress, set_suppress, NULL, NULL },
    { "__notes__", get_notes, set_notes, NULL, NULL },
    { "__dict__", get_dict, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

/* Derived attributes: the value set on the instance (its __dict__) if any, else one
 * computed from args. The closure names the attribute. */
static OuroObject *args_item(OuroObject *o, ouro_ssize i)
{
    OuroObject *a = ((OuroBaseException *)o)->args;
    return none_or(i < OURO_TUPLE_SIZE(a) ? OURO_TUPLE_GET(a, i) : NULL);
}

/* OSError's args are (errno, strerror) when 2 to 5 arguments were given (the filenames
 * go to the instance dict, see oserror_new). */
static OuroObject *oserror_field(OuroObject *o, const char *name)
{
    OuroObject *a = ((OuroBaseException *)o)->args;
    if (OURO_TUPLE_SIZE(a) != 2)
        OURO_RETURN_NONE;
    if (strcmp(name, "errno") == 0)
        return OURO_NEWREF(OURO_TUPLE_GET(a, 0));
    if (strcmp(name, "strerror") == 0)
        return OURO_NEWREF(OURO_TUPLE_GET(a, 1));
    OURO_RETURN_NONE;
}

/* SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset)). */
static OuroObject *syntax_field(OuroObject *o, const char *name)
{
    static const char *const fields[] = { "filename", "lineno", "offset", "text",
                                          "end_lineno", "end_offset" };
    OuroObject *a = ((OuroBaseException *)o)->args;
    if (strcmp(name, "msg") == 0)
        return args_item(o, 0);
    if (strcmp(name, "print_file_and_line") == 0)
        OURO_RETURN_NONE;
    if (OURO_TUPLE_SIZE(a) != 2 || !ouro_tuple_check(OURO_TUPLE_GET(a, 1)))
        OURO_RETURN_NONE;
    OuroObject *info = OURO_TUPLE_GET(a, 1);
    for (ouro_ssize i = 0; i < 6; i++)
        if (strcmp(name, fields[i]) == 0)
            return none_or(i < OURO_TUPLE_SIZE(info) ? OURO_TUPLE_GET(info, i) : NULL);
    OURO_RETURN_NONE;
}

static OuroObject *get_derived(OuroObject *o, void *c)
{
    const char *name = c;
    OuroObject *d = exc_dict(o, false);
    OuroObject *v = d ? ouro_dict_get_item_str(d, name) : NULL;
    if (v)
        return OURO_NEWREF(v);
    if (ouro_object_type_check(o, &ouro_exc_OSError))
        return oserror_field(o, name);
    if (ouro_object_type_check(o, &ouro_exc_SyntaxError))
        return syntax_field(o, name);
    if (strcmp(name, "value") == 0) /* StopIteration */
        return args_item(o, 0);
    if (strcmp(name, "code") == 0) { /* SystemExit */
        OuroObject *a = ((OuroBaseException *)o)->args;
        return OURO_TUPLE_SIZE(a) > 1 ? OURO_NEWREF(a) : args_item(o, 0);
    }
    if (strcmp(name, "msg") == 0) /* ImportError */
        return args_item(o, 0);
    OURO_RETURN_NONE; /* name, path, obj: keyword-only, None unless given */
}

static int set_derived(OuroObject *o, OuroObject *v, void *c)
{
    OuroObject *d = exc_dict(o, true);
    if (!d)
        return -1;
    if (v)
        return ouro_dict_set_item_str(d, c, v);
    OuroObject *k = ouro_str_from_cstr(c);
    if (!k)
        return -1;
    int r = ouro_dict_contains(d, k) > 0 ? ouro_dict_del_item(d, k) : 0;
    OURO_DECREF(k);
    return r;
}

#define DERIVED(n) { n, get_derived, set_derived, NULL, (void *)n }
static const OuroGetSetDef stopiteration_getset[] = { DERIVED("value"), { NULL, NULL, NULL, NULL, NULL } };
static const OuroGetSetDef systemexit_getset[] = { DERIVED("code"), { NULL, NULL, NULL, NULL, NULL } };
static const OuroGetSetDef oserror_getset[] = {
    DERIVED("errno"), DERIVED("strerror"), DERIVED("filename"), DERIVED("filename2"),
    { NULL, NULL, NULL, NULL, NULL } };
static const OuroGetSetDef syntaxerror_getset[] = {
    DERIVED("msg"), DERIVED("filename"), DERIVED("lineno"), DERIVED("offset"), DERIVED("text"),
    DERIVED("end_lineno"), DERIVED("end_offset"), DERIVED("print_file_and_line"),
    { NULL, NULL, NULL, NULL, NULL } };
static const OuroGetSetDef importerror_getset[] = {
    DERIVED("msg"), DERIVED("name"), DERIVED("path"), { NULL, NULL, NULL, NULL, NULL } };
static const OuroGetSetDef nameerror_getset[] = { DERIVED("name"), { NULL, NULL, NULL, NULL, NULL } };
static const OuroGetSetDef attributeerror_getset[] = {
    DERIVED("name"), DERIVED("obj"), { NULL, NULL, NULL, NULL, NULL } };
#undef DERIVED

/* ImportError(name=, path=), NameError(name=), AttributeError(name=, obj=): the keyword
 * arguments go to the instance dict; any other keyword is a TypeError. */
static int kw_exc_init(OuroObject *o, OuroObject *args, OuroObject *kwargs)
{
    const char *allowed[2] = { NULL, NULL };
    OuroType *t = OURO_TYPE(o);
    if (ouro_type_is_subtype(t, &ouro_exc_ImportError))
        allowed[0] = "name", allowed[1] = "path";
    else if (ouro_type_is_subtype(t, &ouro_exc_AttributeError))
        allowed[0] = "name", allowed[1] = "obj";
    else
        allowed[0] = "name";
    const char *tname = ouro_type_is_subtype(t, &ouro_exc_ImportError) ? "ImportError"
                        : ouro_type_is_subtype(t, &ouro_exc_AttributeError) ? "AttributeError"
                                                                             : "NameError";
    ouro_ssize pos = 0;
    OuroObject *k, *v;
    while (kwargs && ouro_dict_next(kwargs, &pos, &k, &v)) {
        if (!((allowed[0] && ouro_str_equal_cstr(k, allowed[0])) ||
              (allowed[1] && ouro_str_equal_cstr(k, allowed[1])))) {
            ouro_err_format(&ouro_exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                            k, tname);
            return -1;
        }
        OuroObject *d = exc_dict(o, true);
        if (!d || ouro_dict_set_item(d, k, v) < 0)
            return -1;
    }
    return exc_init(o, args, NULL);
}

/* ------------------------------------------------------------------ OSError -- */

static OuroType *errno_type(int64_t err)
{
    switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return &ouro_exc_BlockingIOError;
    case ECHILD: return &ouro_exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &ouro_exc_BrokenPipeError;
    case ECONNABORTED: return &ouro_exc_ConnectionAbortedError;
    case ECONNREFUSED: return &ouro_exc_ConnectionRefusedError;
    case ECONNRESET: return &ouro_exc_ConnectionResetError;
    case EEXIST: return &ouro_exc_FileExistsError;
    case ENOENT: return &ouro_exc_FileNotFoundError;
    case EISDIR: return &ouro_exc_IsADirectoryError;
    case ENOTDIR: return &ouro_exc_NotADirectoryError;
    case EINTR: return &ouro_exc_InterruptedError;
    case EACCES: case EPERM: return &ouro_exc_PermissionError;
    case ESRCH: return &ouro_exc_ProcessLookupError;
    case ETIMEDOUT: return &ouro_exc_TimeoutError;
    default: return NULL;
    }
}

/* OSError(errno, strerror, ...) creates the errno's subclass (OSError(2, 'x') is a
 * FileNotFoundError); with a filename, args keeps only (errno, strerror). */
static OuroObject *oserror_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    ouro_ssize n = args ? OURO_TUPLE_SIZE(args) : 0;
    if (type == &ouro_exc_OSError && n >= 2 && n <= 5 && ouro_int_check(OURO_TUPLE_GET(args, 0))) {
        int ovf = 0;
        int64_t err = ouro_int_as_int64_and_overflow(OURO_TUPLE_GET(args, 0), &ovf);
        OuroType *sub = ovf ? NULL : errno_type(err);
        if (sub)
            type = sub;
    }
    if (n < 3 || n > 5)
        return ouro_exception_new(type, args);
    OuroObject *two = ouro_tuple_get_slice(args, 0, 2);
    OuroObject *e = two ? ouro_exception_new(type, two) : NULL;
    OURO_XDECREF(two);
    OuroObject *d = e ? exc_dict(e, true) : NULL;
    if (e && (!d || ouro_dict_set_item_str(d, "filename", OURO_TUPLE_GET(args, 2)) < 0 ||
              (n == 5 && ouro_dict_set_item_str(d, "filename2", OURO_TUPLE_GET(args, 4)) < 0)))
        OURO_CLEAR(e);
    return e;
}

static int oserror_init(OuroObject *o, OuroObject *args, OuroObject *kwargs)
{
    if (kwargs && ouro_dict_size(kwargs))
        return ouro_err_format(&ouro_exc_TypeError, "%s() takes no keyword arguments",
                               OURO_TYPE_NAME(o)), -1;
    return 0; /* args were set by oserror_new (without the filename) */
}

/* "[Errno 2] No such file or directory: 'x'" / "[Errno 1] msg: 'a' -> 'b'". */
static OuroObject *oserror_str(OuroObject *o)
{
    OuroObject *en = oserror_field(o, "errno"), *se = oserror_field(o, "strerror");
    OuroObject *fn = get_derived(o, "filename"), *fn2 = get_derived(o, "filename2");
    OuroObject *r;
    if (fn != OURO_NONE && fn2 != OURO_NONE)
        r = ouro_str_from_format("[Errno %S] %S: %R -> %R", en, se, fn, fn2);
    else if (fn != OURO_NONE)
        r = ouro_str_from_format("[Errno %S] %S: %R", en, se, fn);
    else if (en != OURO_NONE && se != OURO_NONE)
        r = ouro_str_from_format("[Errno %S] %S", en, se);
    else
        r = exc_str(o);
    OURO_DECREF(en);
    OURO_DECREF(se);
    OURO_DECREF(fn);
    OURO_DECREF(fn2);
    return r;
}

OuroObject *ou_err_from_errno(int err, OuroObject *filename)
{
    OuroObject *args = filename ? ouro_tuple_new(3) : ouro_tuple_new(2);
    if (!args)
        return NULL;
    OURO_TUPLE_SET(args, 0, ouro_int_from_int64(err));
    OURO_TUPLE_SET(args, 1, ouro_str_from_cstr(strerror(err)));
    if (filename)
        OURO_TUPLE_SET(args, 2, OURO_NEWREF(filename));
    OuroObject *e = NULL;
    if (OURO_TUPLE_GET(args, 0) && OURO_TUPLE_GET(args, 1))
        e = oserror_new(&ouro_exc_OSError, args, NULL);
    OURO_DECREF(args);
    if (e)
        ouro_err_restore(e);
    return NULL;
}

/* ------------------------------------------------------------ AttributeError -- */

void ou_attribute_error_context(OuroObject *obj, OuroObject *name)
{
    OuroObject *e = ouro_err_fetch();
    if (e && ouro_object_type_check(e, &ouro_exc_AttributeError)) {
        OuroObject *d = exc_dict(e, true);
        if (d && !ouro_dict_get_item_str(d, "name") &&
            (ouro_dict_set_item_str(d, "name", name) < 0 ||
             ouro_dict_set_item_str(d, "obj", obj) < 0))
            ouro_err_clear(); /* the context is optional: keep the original error */
    }
    ouro_err_restore(e);
}

OuroObject *ou_name_error(OuroObject *name)
{
    ouro_err_format(&ouro_exc_NameError, "name '%U' is not defined", name);
    OuroObject *e = ouro_err_fetch();
    OuroObject *d = e ? exc_dict(e, true) : NULL;
    if (d && ouro_dict_set_item_str(d, "name", name) < 0)
        ouro_err_clear();
    ouro_err_restore(e);
    return NULL;
}

/* -------------------------------------------------------------- SyntaxError -- */

/* "msg (file.py, line 3)": the file's base name, as CPython's my_basename. */
static OuroObject *syntaxerror_str(OuroObject *o)
{
    OuroObject *msg = syntax_field(o, "msg");
    OuroObject *fn = get_derived(o, "filename"), *ln = get_derived(o, "lineno");
    OuroObject *r;
    const char *base = NULL;
    if (fn && ouro_str_check(fn)) {
        base = strrchr(ouro_str_utf8(fn), '/');
        base = base ? base + 1 : ouro_str_utf8(fn);
    }
    bool have_line = ln && ouro_int_check(ln);
    if (!msg || !fn || !ln)
        r = NULL;
    else if (base && have_line)
        r = ouro_str_from_format("%S (%s, line %S)", msg, base, ln);
    else if (base)
        r = ouro_str_from_format("%S (%s)", msg, base);
    else if (have_line)
        r = ouro_str_from_format("%S (line %S)", msg, ln);
    else
        r = ouro_object_str(msg);
    OURO_XDECREF(msg);
    OURO_XDECREF(fn);
    OURO_XDECREF(ln);
    return r;
}

#define OU_EXC_FLAGS (OURO_TPFLAG_GC | OURO_TPFLAG_BASETYPE | OURO_TPFLAG_BASE_EXC_SUBCLASS)

/* Every built-in exception: its name and base; the slots come from BaseException (set in
 * ou_exceptions_ready) through ordinary inheritance. */
#define ouro_exc_object ouro_object_type /* BaseException's base */
#define OU_DEFINE_EXC(name, base) \
    OURO_API OuroType ouro_exc_##name = { \
        .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE), \
        .tp_name = #name, \
        .tp_basicsize = sizeof(OuroBaseException), \
        .tp_flags = OU_EXC_FLAGS, \
        .tp_base = &ouro_exc_##base, \
    };
OURO_EXCEPTION_TYPES(OU_DEFINE_EXC)
#undef OU_DEFINE_EXC
#undef ouro_exc_object

static OuroType *const exception_types[] = {
#define OU_EXC_ENTRY(name, base) &ouro_exc_##name,
    OURO_EXCEPTION_TYPES(OU_EXC_ENTRY)
#undef OU_EXC_ENTRY
};

/* Called once per process by typelist.c after the static types are ready. 0 or -1. */
int ou_exceptions_ready(void);
int ou_exceptions_ready(void)
{
    OuroType *b = &ouro_exc_BaseException;
    b->tp_dealloc = exc_dealloc;
    b->tp_traverse = exc_traverse;
    b->tp_clear = exc_clear;
    b->tp_repr = exc_repr;
    b->tp_str = exc_str;
    b->tp_new = exc_new;
    b->tp_init = exc_init;
    b->tp_doc = "Common base class for all exceptions";
    b->tp_methods = exc_methods;
    b->tp_getset = exc_getset;
    b->tp_dictoffset = offsetof(OuroBaseException, dict);
    ouro_exc_KeyError.tp_str = keyerror_str;
    ouro_exc_StopIteration.tp_getset = stopiteration_getset;
    ouro_exc_SystemExit.tp_getset = systemexit_getset;
    ouro_exc_OSError.tp_getset = oserror_getset;
    ouro_exc_OSError.tp_new = oserror_new;
    ouro_exc_OSError.tp_init = oserror_init;
    ouro_exc_OSError.tp_str = oserror_str;
    ouro_exc_SyntaxError.tp_getset = syntaxerror_getset;
    ouro_exc_SyntaxError.tp_str = syntaxerror_str;
    ouro_exc_ImportError.tp_getset = importerror_getset;
    ouro_exc_ImportError.tp_init = kw_exc_init;
    ouro_exc_NameError.tp_getset = nameerror_getset;
    ouro_exc_NameError.tp_init = kw_exc_init;
    ouro_exc_AttributeError.tp_getset = attributeerror_getset;
    ouro_exc_AttributeError.tp_init = kw_exc_init;
    for (size_t i = 0; i < OU_ARRAY_LEN(exception_types); i++)
        ou_type_table_add(exception_types[i], (uint32_t)(OU_TID_exc_BaseException + i));
    for (size_t i = 0; i < OU_ARRAY_LEN(exception_types); i++)
        if (ouro_type_ready(exception_types[i]) < 0)
            return -1;
    return 0;
}
