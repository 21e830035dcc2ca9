/* src/lang/parser_str.c — literals: numbers, string and bytes literals (prefixes,
 * escapes, implicit concatenation) and f-strings (literal parts, `{expr!c:spec}` with
 * the expression parsed by a sub-parser, nested format specs, `=` debug text). */
#include "parser.h"
#include "objects/objects.h"
#include "objects/strimpl.h"
#include <string.h>
#include <stdio.h>

/* -------------------------------------------------------------------- numbers -- */

OuExpr *ou_p_number(OuParser *p, const OuToken *t)
{
    const char *s = p->src + t->start;
    size_t n = t->len;
    OuLoc loc = ou_p_tokloc(t);
    bool imaginary = (s[n - 1] | 32) == 'j', is_float = false;
    if (imaginary)
        n--; /* 3j, 1.5J, 1e3j, 1_0j: the float before the j is the imaginary part */
    if (!(n > 1 && s[0] == '0' && ((s[1] | 32) == 'x' || (s[1] | 32) == 'o' || (s[1] | 32) == 'b')))
        for (size_t i = 0; i < n; i++)
            if (s[i] == '.' || (s[i] | 32) == 'e')
                is_float = true;
    OuroObject *v = is_float || imaginary ? ouro_float_from_string(s, n)
                                          : ouro_int_from_string(s, n, 0);
    if (v && imaginary)
        OURO_SETREF(v, ouro_complex_from_doubles(0.0, ouro_float_value(v)));
    if (!v) {
        /* e.g. the limit on decimal digits: CPython reports it as a SyntaxError. */
        OuroObject *exc = ouro_err_fetch();
        OuroObject *msg = exc ? ouro_object_str(exc) : NULL;
        OURO_XDECREF(exc);
        if (!msg) {
            p->error = 1;
            return NULL;
        }
        const char *m = ouro_str_utf8(msg);
        bool limit = strncmp(m, "Exceeds the limit", 17) == 0;
        if (limit) {
            loc.col_offset = loc.end_col_offset = -1;   /* CPython gives no column */
            loc.end_lineno = loc.lineno;
        }
        ou_p_error_at(p, &ouro_exc_SyntaxError, &loc, "%s%s", m, limit ?
                      " - Consider hexadecimal for huge integer literals to avoid decimal "
                      "conversion limits." : "");
        OURO_DECREF(msg);
        return NULL;
    }
    return ou_p_constant(p, v, &loc);
}

/* -------------------------------------------------------------------- escapes -- */

typedef struct Lit {
    OuParser *p;
    OuLoc loc;          /* of the whole atom (for errors and f-string parts) */
    OuLoc after;        /* of the token after the atom (CPython's f-string errors) */
    const OuToken *tok; /* the token being decoded */
    bool raw, bytes;
} Lit;

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c |= 32;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static void put_cp(OuStrBuf *b, uint32_t cp)
{
    char tmp[4];
    ou_strbuf_append(b, tmp, (size_t)ou_utf8_put(tmp, cp));
}

static int escape_error(Lit *l, const char *fmt, size_t a, size_t b)
{
    char msg[200];
    if (l->bytes)
        snprintf(msg, sizeof msg, "(value error) invalid \\x escape at position %zu", a);
    else
        snprintf(msg, sizeof msg, fmt, a, b);
    ou_p_error_at(l->p, &ouro_exc_SyntaxError, &l->after, "%s", msg);
    return -1;
}

/* One escape sequence at s[*i] == '\\' (body of length n). Appends the value to b and
 * advances *i. base: offset of the body start, for positions in messages. 0 or -1. */
static int decode_escape(Lit *l, const char *s, size_t n, size_t *i, OuStrBuf *b)
{
    size_t at = *i;
    if (at + 1 >= n) {
        ou_strbuf_append_char(b, '\\');
        *i = n;
        return 0;
    }
    int c = (unsigned char)s[at + 1];
    *i = at + 2;
    switch (c) {
    case '\n': return 0;
    case '\\': ou_strbuf_append_char(b, '\\'); return 0;
    case '\'': ou_strbuf_append_char(b, '\''); return 0;
    case '"': ou_strbuf_append_char(b, '"'); return 0;
    case 'a': ou_strbuf_append_char(b, '\a'); return 0;
    case 'b': ou_strbuf_append_char(b, '\b'); return 0;
    case 'f': ou_strbuf_append_char(b, '\f'); return 0;
    case 'n': ou_strbuf_append_char(b, '\n'); return 0;
    case 'r': ou_strbuf_append_char(b, '\r'); return 0;
    case 't': ou_strbuf_append_char(b, '\t'); return 0;
    case 'v': ou_strbuf_append_char(b, '\v'); return 0;
    default: break;
    }
    if (c >= '0' && c <= '7') {
        uint32_t v = (uint32_t)(c - '0');
        for (int k = 0; k < 2 && *i < n && s[*i] >= '0' && s[*i] <= '7'; k++)
            v = v * 8 + (uint32_t)(s[(*i)++] - '0');
        if (l->bytes)
            ou_strbuf_append_char(b, (char)(v & 0xFF));
        else
            put_cp(b, v);
        return 0;
    }
    int digits = c == 'x' ? 2 : (c == 'u' && !l->bytes) ? 4 : (c == 'U' && !l->bytes) ? 8 : 0;
    if (digits) {
        uint32_t v = 0;
        for (int k = 0; k < digits; k++) {
            int h = *i < n ? hexval((unsigned char)s[*i]) : -1;
            if (h < 0)
                return escape_error(l, c == 'x' ?
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: truncated \\xXX escape" :
                    c == 'u' ?
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: truncated \\uXXXX escape" :
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: truncated \\UXXXXXXXX escape",
                    at, *i - 1);
            v = v * 16 + (uint32_t)h;
            (*i)++;
        }
        if (l->bytes)
            ou_strbuf_append_char(b, (char)v);
        else if (v > 0x10FFFF)
            return escape_error(l, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: illegal Unicode character", at, *i - 1);
        else
            put_cp(b, v);
        return 0;
    }
    if (c == 'N' && !l->bytes) {
        size_t end = *i;
        while (end < n && s[end] != '}')
            end++;
        return escape_error(l, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: \\N{...} escapes are not supported by ouro",
                            at, end < n ? end : n - 1);
    }
    /* Unknown escape: kept as is (CPython warns). */
    ou_strbuf_append_char(b, '\\');
    *i = at + 1;
    return 0;
}

/* A plain (non-f) literal body into b. 0 or -1. */
static int decode_plain(Lit *l, const char *s, size_t n, OuStrBuf *b)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (l->bytes && c >= 0x80) {
            OuLoc tl = ou_p_tokloc(l->tok);
            ou_p_error_at(l->p, &ouro_exc_SyntaxError, &tl,
                          "bytes can only contain ASCII literal characters");
            return -1;
        }
        if (c == '\\' && !l->raw) {
            if (decode_escape(l, s, n, &i, b) < 0)
                return -1;
            continue;
        }
        size_t j = i + 1;
        while (j < n && s[j] != '\\' && (!l->bytes || (unsigned char)s[j] < 0x80))
            j++;
        ou_strbuf_append(b, s + i, j - i);
        i = j;
    }
    return 0;
}

/* ------------------------------------------------------------------- f-strings -- */

typedef struct Parts {
    OuVec values;
    OuStrBuf buf;       /* literal text not yet made a Constant */
} Parts;

static int flush(Lit *l, Parts *pt)
{
    if (pt->buf.len == 0 && !pt->buf.failed)
        return 0;
    OuroObject *s = ou_strbuf_finish(&pt->buf);
    ou_strbuf_init(&pt->buf);
    if (!s) {
        l->p->error = 1;
        return -1;
    }
    OuExpr *c = ou_p_constant(l->p, s, &l->loc);
    return c && ou_vec_push(l->p, &pt->values, c) == 0 ? 0 : -1;
}

static int fstr_error(Lit *l, const char *msg)
{
    ou_p_error_at(l->p, &ouro_exc_SyntaxError, &l->after, "%s", msg);
    return -1;
}

/* (line, col) in the file of byte s (inside the current token). */
static void file_pos(Lit *l, const char *s, int *line, int *col)
{
    const char *tok = l->p->src + l->tok->start;
    const char *ls = tok - l->tok->col;
    int ln = l->tok->lineno;
    for (const char *q = tok; q < s; q++)
        if (*q == '\n') {
            ln++;
            ls = q + 1;
        }
    *line = ln;
    *col = (int)(s - ls);
}

static int fstring_body(Lit *l, const char *s, size_t n, size_t *i, int level, Parts *pt);

/* The end of the expression of a replacement field starting at s[*i]. Stops at '}',
 * '!' (not '!='), ':', or a debug '=' at bracket depth 0. 0 or -1. */
static int scan_expr(Lit *l, const char *s, size_t n, size_t *i)
{
    int depth = 0;
    char quote = 0;
    for (; *i < n; (*i)++) {
        char c = s[*i];
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '\\')
            return fstr_error(l, "f-string expression part cannot include a backslash");
        if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '#') {
            return fstr_error(l, "f-string expression part cannot include '#'");
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (depth == 0) {
                if (c == '}')
                    return 0;
                return fstr_error(l, "f-string: unmatched ')'");
            }
            depth--;
        } else if (depth == 0) {
            char d = *i + 1 < n ? s[*i + 1] : 0;
            if (c == '!' && d != '=')
                return 0;
            if (c == ':')
                return 0;
            if (c == '=' && d != '=' && *i > 0 && !strchr("=!<>", s[*i - 1]))
                return 0;
            if ((c == '=' || c == '!' || c == '<' || c == '>') && d == '=')
                (*i)++;
        }
    }
    if (quote)
        return fstr_error(l, "f-string: unterminated string");
    return fstr_error(l, "f-string: expecting '}'");
}

static bool all_space(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!strchr(" \t\n\r\f\v", s[k]))
            return false;
    return true;
}

/* A replacement field: s[*i] is just after '{'. Appends a FormattedValue. */
static int fstring_field(Lit *l, const char *s, size_t n, size_t *i, int level, Parts *pt)
{
    if (level >= 2)
        return fstr_error(l, "f-string: expressions nested too deeply");
    size_t start = *i;
    if (scan_expr(l, s, n, i) < 0)
        return -1;
    size_t end = *i;
    if (all_space(s + start, end - start)) {
        if (s[end] == '!' || s[end] == ':' || s[end] == '=') {
            char msg[64];
            snprintf(msg, sizeof msg, "f-string: expression required before '%c'", s[end]);
            return fstr_error(l, msg);
        }
        return fstr_error(l, "f-string: empty expression not allowed");
    }
    int line, col;
    file_pos(l, s + start, &line, &col);
    OuExpr *value = ou_p_fstring_expr(l->p, s + start, end - start, line, col);
    if (!value)
        return -1;
    bool debug = false;
    if (s[*i] == '=') {
        debug = true;
        (*i)++;
        while (*i < n && strchr(" \t\n\r\f\v", s[*i]))
            (*i)++;
        /* The text of the expression, '=' and spaces are a literal part. */
        ou_strbuf_append(&pt->buf, s + start, *i - start);
    }
    if (flush(l, pt) < 0)
        return -1;
    int conversion = -1;
    if (*i < n && s[*i] == '!') {
        char c = *i + 1 < n ? s[*i + 1] : 0;
        if (c == 0)
            return fstr_error(l, "f-string: expecting '}'");
        if (c != 's' && c != 'r' && c != 'a')
            return fstr_error(l, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        conversion = c;
        *i += 2;
    }
    OuExpr *spec = NULL;
    if (*i < n && s[*i] == ':') {
        (*i)++;
        Parts sp;
        memset(&sp, 0, sizeof sp);
        ou_strbuf_init(&sp.buf);
        int r = fstring_body(l, s, n, i, level + 1, &sp);
        if (r == 0)
            r = flush(l, &sp);
        ou_strbuf_discard(&sp.buf);
        if (r < 0)
            return -1;
        OuLoc tl = ou_p_tokloc(l->tok);   /* CPython: the spec spans its own token */
        if (!(spec = ou_p_expr(l->p, OU_JOINEDSTR_KIND, &tl)))
            return -1;
        spec->v.joinedstr.values = ou_p_exprseq(&sp.values);
    }
    if (*i >= n || s[*i] != '}')
        return fstr_error(l, "f-string: expecting '}'");
    (*i)++;
    if (debug && conversion == -1 && !spec)
        conversion = 'r';
    OuExpr *fv = ou_p_expr(l->p, OU_FORMATTEDVALUE_KIND, &l->loc);
    if (!fv)
        return -1;
    fv->v.formattedvalue.value = value;
    fv->v.formattedvalue.conversion = conversion;
    fv->v.formattedvalue.format_spec = spec;
    return ou_vec_push(l->p, &pt->values, fv);
}

/* Literal text and fields from s[*i]; a format spec (level > 0) ends at its '}'. */
static int fstring_body(Lit *l, const char *s, size_t n, size_t *i, int level, Parts *pt)
{
    while (*i < n) {
        char c = s[*i];
        if (c == '{') {
            if (level == 0 && *i + 1 < n && s[*i + 1] == '{') {
                ou_strbuf_append_char(&pt->buf, '{');
                *i += 2;
                continue;
            }
            (*i)++;
            if (fstring_field(l, s, n, i, level, pt) < 0)
                return -1;
        } else if (c == '}') {
            if (level > 0)
                return 0;
            if (*i + 1 < n && s[*i + 1] == '}') {
                ou_strbuf_append_char(&pt->buf, '}');
                *i += 2;
                continue;
            }
            return fstr_error(l, "f-string: single '}' is not allowed");
        } else if (c == '\\' && !l->raw) {
            if (decode_escape(l, s, n, i, &pt->buf) < 0)
                return -1;
        } else {
            ou_strbuf_append_char(&pt->buf, c);
            (*i)++;
        }
    }
    if (level > 0)
        return fstr_error(l, "f-string: expecting '}'");
    return 0;
}

/* ------------------------------------------------------------- the atom itself -- */

typedef struct Prefix {
    bool raw, bytes, fstr, u;
    size_t plen, qlen;
} Prefix;

static Prefix prefix_of(const char *s, size_t n)
{
    Prefix f;
    memset(&f, 0, sizeof f);
    while (s[f.plen] != '\'' && s[f.plen] != '"') {
        switch (s[f.plen] | 32) {
        case 'r': f.raw = true; break;
        case 'b': f.bytes = true; break;
        case 'f': f.fstr = true; break;
        case 'u': f.u = true; break;
        }
        f.plen++;
    }
    f.qlen = n - f.plen >= 6 && s[f.plen + 1] == s[f.plen] && s[f.plen + 2] == s[f.plen] ? 3 : 1;
    return f;
}

static OuExpr *finish_strings(Lit *l, Parts *pt, bool any_f, bool bytes, bool first_u)
{
    if (any_f) {
        if (flush(l, pt) < 0)
            return NULL;
        OuExpr *e = ou_p_expr(l->p, OU_JOINEDSTR_KIND, &l->loc);
        if (e)
            e->v.joinedstr.values = ou_p_exprseq(&pt->values);
        return e;
    }
    OuroObject *v;
    if (bytes) {
        v = ouro_bytes_from_data(pt->buf.data, pt->buf.len);
        ou_strbuf_discard(&pt->buf);
    } else {
        v = ou_strbuf_finish(&pt->buf);
    }
    ou_strbuf_init(&pt->buf);
    OuExpr *e = ou_p_constant(l->p, v, &l->loc);
    if (e && first_u)
        e->v.constant.kind = "u";
    return e;
}

OuExpr *ou_p_strings(OuParser *p)
{
    Lit l;
    memset(&l, 0, sizeof l);
    l.p = p;
    int first = p->pos, last = p->pos;
    while (ou_p_peek(p, last - p->pos)->kind == OU_TOK_STRING)
        last++;
    if (p->error)
        return NULL;
    /* Tokens first..last-1 are the atom; the one after locates f-string errors. */
    l.loc = ou_p_tokloc(&p->toks[first]);
    l.loc.end_lineno = p->toks[last - 1].end_lineno;
    l.loc.end_col_offset = p->toks[last - 1].end_col;
    l.after = ou_p_tokloc(&p->toks[last]);
    bool any_f = false, any_bytes = false, any_str = false;
    bool first_u = false;
    for (int k = first; k < last; k++) {
        Prefix f = prefix_of(p->src + p->toks[k].start, p->toks[k].len);
        any_f |= f.fstr;
        any_bytes |= f.bytes;
        any_str |= !f.bytes;
        if (k == first)
            first_u = p->src[p->toks[k].start] == 'u';   /* CPython: lowercase only */
    }
    if (any_bytes && any_str)
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &l.after,
                             "cannot mix bytes and nonbytes literals");
    Parts pt;
    memset(&pt, 0, sizeof pt);
    ou_strbuf_init(&pt.buf);
    OuExpr *result = NULL;
    for (int k = first; k < last; k++) {
        const OuToken *t = &p->toks[k];
        const char *s = p->src + t->start;
        Prefix f = prefix_of(s, t->len);
        l.tok = t;
        l.raw = f.raw;
        l.bytes = f.bytes;
        const char *body = s + f.plen + f.qlen;
        size_t n = t->len - f.plen - 2 * f.qlen;
        size_t i = 0;
        if (f.fstr ? fstring_body(&l, body, n, &i, 0, &pt) < 0 : decode_plain(&l, body, n, &pt.buf) < 0)
            goto done;
    }
    p->pos = last;
    result = finish_strings(&l, &pt, any_f, any_bytes, first_u);
done:
    ou_strbuf_discard(&pt.buf);
    if (!result)
        p->error = 1;
    return result;
}
