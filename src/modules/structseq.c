/* src/modules/structseq.c — struct sequences: tuples whose items are also named
 * attributes (sys.version_info.major), with CPython's repr
 * "sys.version_info(major=3, minor=11, ...)". One static tuple subtype per kind.
 * time.struct_time also has hidden fields (tm_zone, tm_gmtoff): attributes only, stored
 * after the visible items (ob_size counts the visible ones, so tuple behaviour sees 9). */
#include "modules.h"
#include <stdint.h>
#include <string.h>

static OuroObject *field_get(OuroObject *o, void *closure)
{
    ouro_ssize i = (ouro_ssize)(intptr_t)closure;
    return OURO_NEWREF(OURO_TUPLE_GET(o, i));
}

/* The field names of each kind, in order (the getset tables below follow them). */
static const char *const version_fields[] = { "major", "minor", "micro", "releaselevel",
                                              "serial", NULL };
static const char *const int_info_fields[] = { "bits_per_digit", "sizeof_digit",
                                               "default_max_str_digits",
                                               "str_digits_check_threshold", NULL };
static const char *const float_info_fields[] = { "max", "max_exp", "max_10_exp", "min",
                                                 "min_exp", "min_10_exp", "dig", "mant_dig",
                                                 "epsilon", "radix", "rounds", NULL };
static const char *const flags_fields[] = { "debug", "inspect", "interactive", "optimize",
                                            "dont_write_bytecode", "no_user_site", "no_site",
                                            "ignore_environment", "verbose", "bytes_warning",
                                            "quiet", "hash_randomization", "isolated",
                                            "dev_mode", "utf8_mode", "warn_default_encoding",
                                            "safe_path", "int_max_str_digits", NULL };

static const char *const struct_time_fields[] = { "tm_year", "tm_mon", "tm_mday", "tm_hour",
                                                  "tm_min", "tm_sec", "tm_wday", "tm_yday",
                                                  "tm_isdst", "tm_zone", "tm_gmtoff", NULL };
static const char *const hash_info_fields[] = { "width", "modulus", "inf", "nan", "imag",
                                                "algorithm", "hash_bits", "seed_bits",
                                                "cutoff", NULL };
static const char *const thread_info_fields[] = { "name", "lock", "version", NULL };
static const char *const unraisable_fields[] = { "exc_type", "exc_value", "exc_traceback",
                                                 "err_msg", "object", NULL };
#define STRUCT_TIME_VISIBLE 9
#define STRUCT_TIME_ALL 11

#define F(name, i) { name, field_get, NULL, NULL, (void *)(intptr_t)(i) }
#define END { NULL, NULL, NULL, NULL, NULL }
static const OuroGetSetDef version_getset[] = {
    F("major", 0), F("minor", 1), F("micro", 2), F("releaselevel", 3), F("serial", 4), END };
static const OuroGetSetDef int_info_getset[] = {
    F("bits_per_digit", 0), F("sizeof_digit", 1), F("default_max_str_digits", 2),
    F("str_digits_check_threshold", 3), END };
static const OuroGetSetDef float_info_getset[] = {
    F("max", 0), F("max_exp", 1), F("max_10_exp", 2), F("min", 3), F("min_exp", 4),
    F("min_10_exp", 5), F("dig", 6), F("mant_dig", 7), F("epsilon", 8), F("radix", 9),
    F("rounds", 10), END };
static const OuroGetSetDef flags_getset[] = {
    F("debug", 0), F("inspect", 1), F("interactive", 2), F("optimize", 3),
    F("dont_write_bytecode", 4), F("no_user_site", 5), F("no_site", 6),
    F("ignore_environment", 7), F("verbose", 8), F("bytes_warning", 9), F("quiet", 10),
    F("hash_randomization", 11), F("isolated", 12), F("dev_mode", 13), F("utf8_mode", 14),
    F("warn_default_encoding", 15), F("safe_path", 16), F("int_max_str_digits", 17), END };
static const OuroGetSetDef struct_time_getset[] = {
    F("tm_year", 0), F("tm_mon", 1), F("tm_mday", 2), F("tm_hour", 3), F("tm_min", 4),
    F("tm_sec", 5), F("tm_wday", 6), F("tm_yday", 7), F("tm_isdst", 8), F("tm_zone", 9),
    F("tm_gmtoff", 10), END };
static const OuroGetSetDef hash_info_getset[] = {
    F("width", 0), F("modulus", 1), F("inf", 2), F("nan", 3), F("imag", 4),
    F("algorithm", 5), F("hash_bits", 6), F("seed_bits", 7), F("cutoff", 8), END };
static const OuroGetSetDef thread_info_getset[] = {
    F("name", 0), F("lock", 1), F("version", 2), END };
static const OuroGetSetDef unraisable_getset[] = {
    F("exc_type", 0), F("exc_value", 1), F("exc_traceback", 2), F("err_msg", 3),
    F("object", 4), END };
#undef F
#undef END

static const char *const *fields_of(const OuroType *t)
{
    if (t == &ou_version_info_type)
        return version_fields;
    if (t == &ou_int_info_type)
        return int_info_fields;
    if (t == &ou_float_info_type)
        return float_info_fields;
    if (t == &ou_struct_time_type)
        return struct_time_fields;
    if (t == &ou_hash_info_type)
        return hash_info_fields;
    if (t == &ou_thread_info_type)
        return thread_info_fields;
    if (t == &ou_unraisable_args_type)
        return unraisable_fields;
    return flags_fields;
}

/* "sys.version_info(major=3, minor=11, ...)" */
static OuroObject *structseq_repr(OuroObject *o)
{
    const char *const *names = fields_of(OURO_TYPE(o));
    OuStrBuf b;
    ou_strbuf_init(&b);
    ou_strbuf_append_cstr(&b, OURO_TYPE(o)->tp_name);
    ou_strbuf_append_char(&b, '(');
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(o) && names[i]; i++) {
        if (i)
            ou_strbuf_append_cstr(&b, ", ");
        ou_strbuf_append_cstr(&b, names[i]);
        ou_strbuf_append_char(&b, '=');
        if (ou_strbuf_append_repr(&b, OURO_TUPLE_GET(o, i)) < 0) {
            ou_strbuf_discard(&b);
            return NULL;
        }
    }
    ou_strbuf_append_char(&b, ')');
    return ou_strbuf_finish(&b);
}

OuroObject *ou_structseq_new(OuroType *t, OuroObject *items)
{
    ouro_ssize n = OURO_TUPLE_SIZE(items);
    if (t == &ou_struct_time_type) {
        /* 9 visible items, then the hidden ones (None when not given) */
        OuroTuple *r = (OuroTuple *)ouro_object_alloc_var(t, STRUCT_TIME_ALL);
        if (!r)
            return NULL;
        r->ob_size = STRUCT_TIME_VISIBLE;
        for (ouro_ssize i = 0; i < STRUCT_TIME_ALL; i++)
            r->ob_item[i] = OURO_NEWREF(i < n ? OURO_TUPLE_GET(items, i) : OURO_NONE);
        ouro_gc_track((OuroObject *)r);
        return (OuroObject *)r;
    }
    OuroTuple *r = (OuroTuple *)ouro_object_alloc_var(t, n);
    if (!r)
        return NULL;
    r->ob_size = n;
    for (ouro_ssize i = 0; i < n; i++)
        r->ob_item[i] = OURO_NEWREF(OURO_TUPLE_GET(items, i));
    ouro_gc_track((OuroObject *)r);
    return (OuroObject *)r;
}

/* struct_time's dealloc and traverse cover the hidden items too (tuple's stop at
 * ob_size). */
static void struct_time_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    for (ouro_ssize i = STRUCT_TIME_ALL; --i >= 0;)
        OURO_XDECREF(OURO_TUPLE_GET(o, i));
    ouro_object_free(o);
}

static int struct_time_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    for (ouro_ssize i = STRUCT_TIME_ALL; --i >= 0;) {
        OuroObject *e = OURO_TUPLE_GET(o, i);
        if (e) {
            int r = visit(e, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

/* time.struct_time(sequence, dict=None): 9 to 11 items ("takes an at least 9-sequence
 * (3-sequence given)"). The dict argument is accepted and ignored, as for CPython's
 * unnamed-field-free types. New reference, or NULL. */
static OuroObject *struct_time_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    ouro_ssize nargs = OURO_TUPLE_SIZE(args);
    OuroObject *seq = nargs > 0 ? OURO_TUPLE_GET(args, 0) : NULL;
    if (nargs > 2)
        return ouro_err_format(&ouro_exc_TypeError,
                               "structseq() takes at most 2 arguments (%zd given)", nargs);
    /* keywords: sequence= (when not positional) and dict= (ignored, as positional) */
    ouro_ssize pos = 0;
    OuroObject *k, *v;
    while (kwargs && ouro_dict_next(kwargs, &pos, &k, &v)) {
        if (ouro_str_equal_cstr(k, "sequence") && nargs == 0)
            seq = v;
        else if (!(ouro_str_equal_cstr(k, "dict") && nargs < 2)) {
            if (ouro_str_equal_cstr(k, "sequence") || ouro_str_equal_cstr(k, "dict"))
                return ouro_err_format(&ouro_exc_TypeError,
                                       "argument for structseq() given by name ('%U') and "
                                       "position (%d)", k, ouro_str_equal_cstr(k, "dict") ? 2 : 1);
            if (!seq)
                break; /* reported as the missing sequence, as CPython */
            return ouro_err_format(&ouro_exc_TypeError,
                                   "structseq() got an unexpected keyword argument '%U'", k);
        }
    }
    if (!seq)
        return ouro_err_format(&ouro_exc_TypeError,
                               "structseq() missing required argument 'sequence' (pos 1)");
    OuroObject *it = ouro_object_get_iter(seq);
    if (!it) {
        if (ouro_err_matches(&ouro_exc_TypeError)) {
            ouro_err_clear();
            ouro_err_format(&ouro_exc_TypeError, "constructor requires a sequence");
        }
        return NULL;
    }
    OuroObject *l = ouro_list_new(0), *x;
    if (!l) {
        OURO_DECREF(it);
        return NULL;
    }
    while ((x = ouro_iter_next(it))) {
        int rc = ouro_list_append(l, x);
        OURO_DECREF(x);
        if (rc < 0)
            break;
    }
    OURO_DECREF(it);
    if (ouro_err_occurred()) {
        OURO_DECREF(l);
        return NULL;
    }
    ouro_ssize n = ouro_list_size(l);
    OuroObject *r = NULL;
    if (n < STRUCT_TIME_VISIBLE)
        ouro_err_format(&ouro_exc_TypeError,
                        "%s() takes an at least %d-sequence (%zd-sequence given)",
                        type->tp_name, STRUCT_TIME_VISIBLE, n);
    else if (n > STRUCT_TIME_ALL)
        ouro_err_format(&ouro_exc_TypeError,
                        "%s() takes an at most %d-sequence (%zd-sequence given)",
                        type->tp_name, STRUCT_TIME_ALL, n);
    else {
        OuroObject *t = ouro_list_as_tuple(l);
        if (t) {
            r = ou_structseq_new(&ou_struct_time_type, t);
            OURO_DECREF(t);
        }
    }
    OURO_DECREF(l);
    return r;
}

#define STRUCTSEQ_TYPE(var, name_, getset_)                                              \
    OuroType var = {                                                                     \
        .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),                                      \
        .tp_name = name_,                                                                \
        .tp_base = &ouro_tuple_type,                                                     \
        .tp_repr = structseq_repr,                                                       \
        .tp_getset = getset_,                                                            \
    }
STRUCTSEQ_TYPE(ou_version_info_type, "sys.version_info", version_getset);
STRUCTSEQ_TYPE(ou_int_info_type, "sys.int_info", int_info_getset);
STRUCTSEQ_TYPE(ou_float_info_type, "sys.float_info", float_info_getset);
STRUCTSEQ_TYPE(ou_flags_type, "sys.flags", flags_getset);
STRUCTSEQ_TYPE(ou_hash_info_type, "sys.hash_info", hash_info_getset);
STRUCTSEQ_TYPE(ou_thread_info_type, "sys.thread_info", thread_info_getset);
/* Built by the runtime for sys.unraisablehook (sysmodule.c); CPython's type is named
 * "UnraisableHookArgs" too and is not reachable from sys either. */
STRUCTSEQ_TYPE(ou_unraisable_args_type, "UnraisableHookArgs", unraisable_getset);

/* struct_time.__reduce__(): (struct_time, (visible items, {hidden name: value})), as
 * CPython's pickling of struct sequences. New reference, or NULL. */
static OuroObject *struct_time_reduce(OuroObject *o, OuroObject *unused)
{
    OuroObject *vis = ouro_tuple_get_slice(o, 0, STRUCT_TIME_VISIBLE), *d = ouro_dict_new();
    OuroObject *r = NULL;
    if (vis && d && ouro_dict_set_item_str(d, "tm_zone", OURO_TUPLE_GET(o, 9)) == 0 &&
        ouro_dict_set_item_str(d, "tm_gmtoff", OURO_TUPLE_GET(o, 10)) == 0) {
        OuroObject *args = ouro_tuple_pack(2, vis, d);
        if (args) {
            r = ouro_tuple_pack(2, (OuroObject *)OURO_TYPE(o), args);
            OURO_DECREF(args);
        }
    }
    OURO_XDECREF(vis);
    OURO_XDECREF(d);
    return r;
}

static const OuroMethodDef struct_time_methods[] = {
    { "__reduce__", OURO_METH(struct_time_reduce), OURO_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL },
};

int ou_struct_time_add_counts(void)
{
    /* n_fields, n_sequence_fields, n_unnamed_fields: class attributes, in the
     * per-runtime dict of the static type (added before any look-up of them) */
    OuroObject *d = ou_type_dict(&ou_struct_time_type);
    if (!d)
        return -1;
    static const char *const names[3] = { "n_fields", "n_sequence_fields", "n_unnamed_fields" };
    const int64_t v[3] = { STRUCT_TIME_ALL, STRUCT_TIME_VISIBLE, 0 };
    for (int i = 0; i < 3; i++) {
        OuroObject *x = ouro_int_from_int64(v[i]);
        int rc = x ? ouro_dict_set_item_str(d, names[i], x) : -1;
        OURO_XDECREF(x);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* time.struct_time: built by gmtime/localtime/strptime, or called with a sequence. */
OuroType ou_struct_time_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "time.struct_time",
    .tp_flags = OURO_TPFLAG_GC, /* explicit: it has its own traverse */
    .tp_base = &ouro_tuple_type,
    .tp_dealloc = struct_time_dealloc,
    .tp_traverse = struct_time_traverse,
    .tp_repr = structseq_repr,
    .tp_getset = struct_time_getset,
    .tp_methods = struct_time_methods,
    .tp_new = struct_time_new,
    .tp_doc = "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
              " accepted by asctime(), mktime() and strftime().",
};
