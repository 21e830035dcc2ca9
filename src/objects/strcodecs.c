/* src/objects/strcodecs.c — the codecs str.encode / bytes.decode / str(b, encoding) /
 * bytes(s, encoding) know: UTF-8, Latin-1 and ASCII (and their aliases), with the error
 * handlers "strict", "ignore" and "replace". Other encodings raise LookupError "unknown
 * encoding: x"; other handler names are looked up, as in CPython, only when an error
 * happens: unknown names raise LookupError, CPython's other handlers NotImplementedError. */
#include "objects/strimpl.h"

#include <stdio.h>
#include <string.h>

enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_OTHER };

static const char *codec_name(int codec)
{
    return codec == OU_CODEC_UTF8 ? "utf-8" : codec == OU_CODEC_LATIN1 ? "latin-1" : "ascii";
}

/* CPython normalizes names (case, '-' and ' ' as '_') before looking up aliases. */
static int codec_lookup(OuroObject *encoding)
{
    if (!encoding)
        return OU_CODEC_UTF8;
    char norm[32];
    const char *e = ou_str_data(encoding);
    size_t n = (size_t)ou_str_nbytes(encoding);
    if (n < sizeof norm) {
        for (size_t i = 0; i < n; i++) {
            char c = e[i];
            norm[i] = c == '-' || c == ' ' ? '_' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        norm[n] = '\0';
        static const struct { const char *name; int codec; } names[] = {
            {"utf_8", OU_CODEC_UTF8}, {"utf8", OU_CODEC_UTF8}, {"u8", OU_CODEC_UTF8},
            {"utf", OU_CODEC_UTF8}, {"cp65001", OU_CODEC_UTF8}, {"utf8_ucs2", OU_CODEC_UTF8},
            {"utf8_ucs4", OU_CODEC_UTF8},
            {"latin_1", OU_CODEC_LATIN1}, {"latin1", OU_CODEC_LATIN1}, {"latin", OU_CODEC_LATIN1},
            {"l1", OU_CODEC_LATIN1}, {"iso8859_1", OU_CODEC_LATIN1},
            {"iso_8859_1", OU_CODEC_LATIN1}, {"8859", OU_CODEC_LATIN1},
            {"cp819", OU_CODEC_LATIN1}, {"iso_ir_100", OU_CODEC_LATIN1},
            {"ascii", OU_CODEC_ASCII}, {"us_ascii", OU_CODEC_ASCII}, {"646", OU_CODEC_ASCII},
            {"us", OU_CODEC_ASCII}, {"ansi_x3.4_1968", OU_CODEC_ASCII},
        };
        for (size_t i = 0; i < OU_ARRAY_LEN(names); i++)
            if (strcmp(norm, names[i].name) == 0)
                return names[i].codec;
    }
    ouro_err_format(&ouro_exc_LookupError, "unknown encoding: %U", encoding);
    return -1;
}

static int errors_lookup(OuroObject *errors)
{
    if (!errors || ouro_str_equal_cstr(errors, "strict"))
        return ERR_STRICT;
    if (ouro_str_equal_cstr(errors, "ignore"))
        return ERR_IGNORE;
    if (ouro_str_equal_cstr(errors, "replace"))
        return ERR_REPLACE;
    return ERR_OTHER;
}

/* Raises the error for a handler other than strict/ignore/replace. Returns NULL. */
static OuroObject *handler_error(OuroObject *errors)
{
    static const char *const known[] = {"surrogateescape", "surrogatepass", "backslashreplace",
                                        "xmlcharrefreplace", "namereplace"};
    for (size_t i = 0; i < OU_ARRAY_LEN(known); i++)
        if (ouro_str_equal_cstr(errors, known[i]))
            return ouro_err_format(&ouro_exc_NotImplementedError,
                                   "the '%U' error handler is not implemented yet", errors);
    return ouro_err_format(&ouro_exc_LookupError, "unknown error handler name '%U'", errors);
}

int ou_codec_args(const char *fname, OuroObject *encoding, OuroObject *errors)
{
    if (encoding && !ouro_str_check(encoding)) {
        ouro_err_format(&ouro_exc_TypeError, "%s() argument 'encoding' must be str, not %s",
                        fname, OURO_TYPE_NAME(encoding));
        return -1;
    }
    if (errors && !ouro_str_check(errors)) {
        ouro_err_format(&ouro_exc_TypeError, "%s() argument 'errors' must be str, not %s",
                        fname, OURO_TYPE_NAME(errors));
        return -1;
    }
    return 0;
}

/* =================================================================== decoding ====== */

static OuroObject *finish_str(OuStrBuf *b)
{
    OuroObject *r = b->failed ? ouro_err_no_memory() : ou_str_from_valid(b->data, b->len);
    ou_strbuf_discard(b);
    return r;
}

static OuroObject *decode_utf8(const char *p, size_t n, int handler, OuroObject *errors)
{
    size_t end;
    const char *why;
    ouro_ssize bad = ou_utf8_check(p, n, &end, &why);
    if (bad < 0)
        return ou_str_from_valid(p, n);
    if (handler == ERR_STRICT)
        return ou_utf8_decode_error(p, (size_t)bad, end, why);
    if (handler == ERR_OTHER)
        return handler_error(errors);
    OuStrBuf b;
    ou_strbuf_init(&b);
    size_t i = 0;
    while (bad >= 0) {  /* offsets are relative to p + i */
        ou_strbuf_append(&b, p + i, (size_t)bad);
        if (handler == ERR_REPLACE)
            ou_strbuf_append(&b, "\xEF\xBF\xBD", 3);
        i += end;
        bad = ou_utf8_check(p + i, n - i, &end, &why);
    }
    ou_strbuf_append(&b, p + i, n - i);
    return finish_str(&b);
}

/* Latin-1 never fails; ASCII fails on bytes >= 0x80. */
static OuroObject *decode_8bit(const char *p, size_t n, int codec, int handler,
                               OuroObject *errors)
{
    size_t high = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c < 0x80)
            continue;
        if (codec == OU_CODEC_ASCII && handler == ERR_STRICT) {
            char msg[128];
            snprintf(msg, sizeof msg, "'ascii' codec can't decode byte 0x%02x in position %zu: "
                     "ordinal not in range(128)", c, i);
            ouro_err_set_string(&ouro_exc_UnicodeDecodeError, msg);
            return NULL;
        }
        if (codec == OU_CODEC_ASCII && handler == ERR_OTHER)
            return handler_error(errors);
        high++;
    }
    if (!high)
        return ou_str_from_valid_counted(p, n, (ouro_ssize)n, 1);
    OuStrBuf b;
    ou_strbuf_init(&b);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        char u[4];
        if (c < 0x80 || codec == OU_CODEC_LATIN1)
            ou_strbuf_append(&b, u, (size_t)ou_utf8_put(u, c));
        else if (handler == ERR_REPLACE)
            ou_strbuf_append(&b, "\xEF\xBF\xBD", 3);
    }
    return finish_str(&b);
}

OuroObject *ou_str_decode(const char *p, size_t n, OuroObject *encoding, OuroObject *errors)
{
    if (n == 0)  /* as CPython: no codec lookup for empty input */
        return ou_str_from_valid("", 0);
    int codec = codec_lookup(encoding);
    if (codec < 0)
        return NULL;
    int handler = errors_lookup(errors);
    if (codec == OU_CODEC_UTF8)
        return decode_utf8(p, n, handler, errors);
    return decode_8bit(p, n, codec, handler, errors);
}

/* =================================================================== encoding ====== */

/* Raises UnicodeEncodeError for the code points [i, j) of s. */
static void encode_error(OuroObject *s, int codec, ouro_ssize i, ouro_ssize j)
{
    const char *why = codec == OU_CODEC_UTF8 ? "surrogates not allowed"
                    : codec == OU_CODEC_LATIN1 ? "ordinal not in range(256)"
                    : "ordinal not in range(128)";
    const char *name = codec_name(codec);
    if (j - i == 1) {
        uint32_t c = ouro_str_codepoint_at(s, i);
        const char *f = c <= 0xFF ? "'%s' codec can't encode character '\\x%02x' in position %zd: %s"
                      : c <= 0xFFFF ? "'%s' codec can't encode character '\\u%04x' in position %zd: %s"
                      : "'%s' codec can't encode character '\\U%08x' in position %zd: %s";
        char msg[200];
        snprintf(msg, sizeof msg, f, name, c, (ptrdiff_t)i, why);
        ouro_err_set_string(&ouro_exc_UnicodeEncodeError, msg);
    } else {
        ouro_err_format(&ouro_exc_UnicodeEncodeError,
                        "'%s' codec can't encode characters in position %zd-%zd: %s", name,
                        (ptrdiff_t)i, (ptrdiff_t)(j - 1), why);
    }
}

static bool unencodable(int codec, uint32_t c)
{
    if (codec == OU_CODEC_UTF8)
        return c >= 0xD800 && c <= 0xDFFF;
    return c >= (codec == OU_CODEC_LATIN1 ? 0x100u : 0x80u);
}

OuroObject *ou_str_encode(OuroObject *s, OuroObject *encoding, OuroObject *errors)
{
    int codec = codec_lookup(encoding);
    if (codec < 0)
        return NULL;
    const unsigned char *base = (const unsigned char *)ou_str_data(s), *p = base;
    const unsigned char *end = base + ou_str_nbytes(s);
    /* Fast paths: UTF-8 without surrogates is the data itself; ASCII is every codec's. */
    if (ou_str_is_ascii(s) || (codec == OU_CODEC_UTF8 && ou_str_kind(s) == 1))
        return ouro_bytes_from_data(base, (size_t)(end - base));
    ouro_ssize idx = 0, bad = -1;
    for (; p < end; idx++) {
        bool isbad = unencodable(codec, ou_utf8_next(&p));
        if (isbad && bad < 0)
            bad = idx;
        else if (!isbad && bad >= 0)
            break;
    }
    if (bad < 0 && codec == OU_CODEC_UTF8)
        return ouro_bytes_from_data(base, (size_t)(end - base));
    int handler = errors_lookup(errors);
    if (bad >= 0 && handler == ERR_STRICT) {
        encode_error(s, codec, bad, idx);
        return NULL;
    }
    if (bad >= 0 && handler == ERR_OTHER)
        return handler_error(errors);
    OuStrBuf b;
    ou_strbuf_init(&b);
    for (p = base; p < end;) {
        const unsigned char *q = p;
        uint32_t c = ou_utf8_next(&p);
        if (unencodable(codec, c)) {
            if (handler == ERR_REPLACE)
                ou_strbuf_append_char(&b, '?');
        } else if (codec == OU_CODEC_UTF8) {
            ou_strbuf_append(&b, (const char *)q, (size_t)(p - q));
        } else {
            ou_strbuf_append_char(&b, (char)c);
        }
    }
    OuroObject *r = b.failed ? ouro_err_no_memory() : ouro_bytes_from_data(b.data, b.len);
    ou_strbuf_discard(&b);
    return r;
}
