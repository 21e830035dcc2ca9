/* src/modules/structseq.c — struct sequences: tuples whose items are also named
 * attributes (sys.version_info.major), with CPython's repr
 * "sys.version_info(major=3, minor=11, ...)". One static tuple subtype per kind. */
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
    OuroTuple *r = (OuroTuple *)ouro_object_alloc_var(t, n);
    if (!r)
        return NULL;
    r->ob_size = n;
    for (ouro_ssize i = 0; i < n; i++)
        r->ob_item[i] = OURO_NEWREF(OURO_TUPLE_GET(items, i));
    ouro_gc_track((OuroObject *)r);
    return (OuroObject *)r;
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
