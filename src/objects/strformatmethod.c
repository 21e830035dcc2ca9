/* src/objects/strformatmethod.c — str.format(*args, **kwargs) and str.format_map(mapping):
 * replacement fields
 * "{name.attr[key]!r:spec}" with nested fields in the spec, CPython 3.11's messages
 * (Objects/stringlib/unicode_format.h). The delimiters are ASCII, so the scan works on
 * UTF-8 bytes. */
#include "objects/strimpl.h"
#include "lang/lang.h"
#include <string.h>

typedef struct FormatCtx {
    OuroObject *const *args;   /* positional arguments */
    ouro_ssize nargs;
    OuroObject *kwnames;       /* tuple or NULL; values follow args[nargs] */
    OuroObject *mapping;       /* format_map's argument (names are looked up in it, and
                                  there are no positional arguments), or NULL */
    ouro_ssize auto_index;     /* next automatic index; -1 once manual numbering is used */
    bool manual;
} FormatCtx;

static OuroObject *render(FormatCtx *c, const char *s, size_t n, int depth);

static OuroObject *value_error(const char *msg)
{
    return ouro_err_format(&ouro_exc_ValueError, "%s", msg);
}

/* Parses a decimal index of s[0..n); -1 if it is not all digits. */
static ouro_ssize parse_index(const char *s, size_t n)
{
    if (n == 0 || n > 18)
        return -1;
    ouro_ssize v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* The object named by the first part of a field (an index, a keyword or "" for auto). */
static OuroObject *first_object(FormatCtx *c, const char *s, size_t n)
{
    ouro_ssize idx = parse_index(s, n);
    if (n == 0) {
        if (c->manual)
            return value_error("cannot switch from manual field specification to automatic "
                               "field numbering");
        idx = c->auto_index++;
        if (c->mapping)
            return value_error("Format string contains positional fields");
    } else if (idx >= 0) {
        if (c->mapping)
            return value_error("Format string contains positional fields");
        if (c->auto_index > 0)
            return value_error("cannot switch from automatic field numbering to manual field "
                               "specification");
        c->manual = true;
    }
    if (idx >= 0) {
        if (idx >= c->nargs)
            return ouro_err_format(&ouro_exc_IndexError,
                                   "Replacement index %zd out of range for positional args tuple",
                                   idx);
        return OURO_NEWREF(c->args[idx]);
    }
    OuroObject *key = ouro_str_from_utf8(s, n);
    if (!key)
        return NULL;
    if (c->mapping) {   /* mapping[key]: a dict subclass's __missing__ takes part */
        OuroObject *v = ouro_object_getitem(c->mapping, key);
        OURO_DECREF(key);
        return v;
    }
    ouro_ssize nkw = c->kwnames ? OURO_TUPLE_SIZE(c->kwnames) : 0;
    for (ouro_ssize k = 0; k < nkw; k++)
        if (ouro_str_equal(OURO_TUPLE_GET(c->kwnames, k), key)) {
            OURO_DECREF(key);
            return OURO_NEWREF(c->args[c->nargs + k]);
        }
    ouro_err_set_object(&ouro_exc_KeyError, key);
    OURO_DECREF(key);
    return NULL;
}

/* Applies ".attr" and "[key]" accessors of s[0..n) to obj (stolen). */
static OuroObject *apply_accessors(OuroObject *obj, const char *s, size_t n)
{
    size_t i = 0;
    while (obj && i < n) {
        OuroObject *next = NULL;
        if (s[i] == '.') {
            size_t j = ++i;
            while (j < n && s[j] != '.' && s[j] != '[')
                j++;
            if (j == i) {
                OURO_DECREF(obj);
                return value_error("Empty attribute in format string");
            }
            OuroObject *name = ouro_str_from_utf8(s + i, j - i);
            next = name ? ouro_object_getattr(obj, name) : NULL;
            OURO_XDECREF(name);
            i = j;
        } else if (s[i] == '[') {
            size_t j = ++i;
            while (j < n && s[j] != ']')
                j++;
            if (j == n) {
                OURO_DECREF(obj);
                return value_error("Missing ']' in format string");
            }
            if (j == i) {
                OURO_DECREF(obj);
                return value_error("Empty attribute in format string");
            }
            ouro_ssize idx = parse_index(s + i, j - i);
            OuroObject *key = idx >= 0 ? ouro_int_from_ssize(idx) : ouro_str_from_utf8(s + i, j - i);
            next = key ? ouro_object_getitem(obj, key) : NULL;
            OURO_XDECREF(key);
            i = j + 1;
            if (i < n && s[i] != '.' && s[i] != '[') {
                OURO_XDECREF(next);
                OURO_DECREF(obj);
                return value_error("Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            OURO_DECREF(obj);
            return value_error("Only '.' or '[' may follow ']' in format field specifier");
        }
        OURO_DECREF(obj);
        obj = next;
    }
    return obj;
}

/* Formats one field "name!conv:spec" (without its braces) into b. 0 or -1. */
static int render_field(FormatCtx *c, const char *s, size_t n, int depth, OuStrBuf *b)
{
    size_t name_end = 0;
    while (name_end < n && s[name_end] != '!' && s[name_end] != ':') {
        if (s[name_end] == '[')
            while (name_end < n && s[name_end] != ']')
                name_end++;
        if (name_end < n)
            name_end++;
    }
    size_t first_end = 0;
    while (first_end < name_end && s[first_end] != '.' && s[first_end] != '[')
        first_end++;
    int conv = 0;
    size_t i = name_end;
    if (i < n && s[i] == '!') {
        if (i + 1 >= n)
            return value_error("end of string while looking for conversion specifier"), -1;
        conv = (unsigned char)s[i + 1];
        i += 2;
        if (i < n && s[i] != ':')
            return value_error("expected ':' after conversion specifier"), -1;
    }
    const char *spec = i < n ? s + i + 1 : s + n;
    size_t nspec = i < n ? n - i - 1 : 0;
    OuroObject *obj = first_object(c, s, first_end);
    if (obj)
        obj = apply_accessors(obj, s + first_end, name_end - first_end);
    if (!obj)
        return -1;
    if (conv) {
        OuroObject *conv_obj = NULL;
        if (conv == 'r')
            conv_obj = ouro_object_repr(obj);
        else if (conv == 'a')
            conv_obj = ou_object_ascii(obj);
        else if (conv == 's')
            conv_obj = ouro_object_str(obj);
        else
            ouro_err_format(&ouro_exc_ValueError, "Unknown conversion specifier %c", conv);
        OURO_DECREF(obj);
        if (!conv_obj)
            return -1;
        obj = conv_obj;
    }
    OuroObject *spec_obj = render(c, spec, nspec, depth + 1);
    OuroObject *r = spec_obj ? ou_object_format(obj, spec_obj) : NULL;
    OURO_DECREF(obj);
    OURO_XDECREF(spec_obj);
    if (!r)
        return -1;
    int rc = ou_strbuf_append_str(b, r);
    OURO_DECREF(r);
    return rc;
}

/* Renders the format string s[0..n). depth > 2 is "Max string recursion exceeded". */
static OuroObject *render(FormatCtx *c, const char *s, size_t n, int depth)
{
    if (depth > 2)
        return value_error("Max string recursion exceeded");
    OuStrBuf b;
    ou_strbuf_init(&b);
    size_t i = 0;
    while (i < n) {
        char ch = s[i];
        if (ch == '}') {
            if (i + 1 < n && s[i + 1] == '}') {
                ou_strbuf_append_char(&b, '}');
                i += 2;
                continue;
            }
            ou_strbuf_discard(&b);
            return value_error("Single '}' encountered in format string");
        }
        if (ch != '{') {
            size_t j = i;
            while (j < n && s[j] != '{' && s[j] != '}')
                j++;
            ou_strbuf_append(&b, s + i, j - i);
            i = j;
            continue;
        }
        if (i + 1 < n && s[i + 1] == '{') {
            ou_strbuf_append_char(&b, '{');
            i += 2;
            continue;
        }
        /* A field: find its matching '}' (nested braces in the spec count). */
        size_t j = i + 1;
        int level = 1;
        bool in_key = false;
        for (; j < n; j++) {
            if (s[j] == '[' && level == 1)
                in_key = true;
            else if (s[j] == ']')
                in_key = false;
            else if (in_key)
                continue;
            else if (s[j] == '{')
                level++;
            else if (s[j] == '}' && --level == 0)
                break;
        }
        if (j >= n) {
            ou_strbuf_discard(&b);
            return value_error(level > 1 || i + 1 < n ? "expected '}' before end of string"
                                                      : "Single '{' encountered in format string");
        }
        if (render_field(c, s + i + 1, j - i - 1, depth, &b) < 0) {
            ou_strbuf_discard(&b);
            return NULL;
        }
        i = j + 1;
    }
    return ou_strbuf_finish(&b);
}

OuroObject *ou_str_format_call(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    FormatCtx c = { .args = args, .nargs = nargs, .kwnames = kwnames };
    return render(&c, ouro_str_utf8(self), (size_t)ouro_str_byte_length(self), 0);
}

OuroObject *ou_str_format_map(OuroObject *self, OuroObject *mapping)
{
    FormatCtx c = { .mapping = mapping };
    return render(&c, ouro_str_utf8(self), (size_t)ouro_str_byte_length(self), 0);
}
