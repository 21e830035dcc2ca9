/* src/lang/lexer.c — the tokenizer, after CPython's Parser/tokenizer.c: indentation,
 * brackets, continuation lines, numbers, strings (scanned here, decoded by the parser),
 * operators, identifiers, and the tokenizer's SyntaxError messages. Notes:
 * docs/internals/language.md (parser). */
#include "lexer.h"
#include "objects/objects.h"
#include "objects/strimpl.h"
#include <string.h>
#include <stdio.h>

/* ---------------------------------------------------------------- SyntaxError -- */

/* Characters of line[0..col) as CPython's byte-to-character offset conversion. */
static int char_offset(const char *line, size_t linelen, int col)
{
    if (col < 0)
        return col + 1;
    if (!line)
        return col + 1;
    size_t n = (size_t)col < linelen ? (size_t)col : linelen;
    int chars = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)line[i] & 0xC0) != 0x80)
            chars++;
    return chars + 1 + (col > (int)linelen ? col - (int)linelen : 0);
}

/* Text of the line for the error: valid UTF-8 is kept, bad bytes become U+FFFD (as
 * CPython decodes the line with "replace"). New str, or NULL with MemoryError. */
static OuroObject *line_text(const char *line, size_t n)
{
    OuStrBuf b;
    ou_strbuf_init(&b);
    size_t i = 0;
    while (i < n) {
        size_t end = 0;
        const char *why = NULL;
        ouro_ssize bad = ou_utf8_check(line + i, n - i, &end, &why);
        if (bad < 0) {
            ou_strbuf_append(&b, line + i, n - i);
            break;
        }
        ou_strbuf_append(&b, line + i, (size_t)bad);
        ou_strbuf_append_cstr(&b, "\xEF\xBF\xBD");
        i += end > (size_t)bad ? end : (size_t)bad + 1;
    }
    return ou_strbuf_finish(&b);
}

void ou_syntax_error_set(OuroType *type, const char *filename, int lineno, int col,
                         int end_lineno, int end_col, const char *line, size_t linelen,
                         const char *msg)
{
    OuroObject *m = ouro_str_from_cstr(msg);
    OuroObject *fn = ouro_str_from_cstr(filename ? filename : "<string>");
    OuroObject *text = line ? line_text(line, linelen) : OURO_NONE;
    OuroObject *ln = ouro_int_from_int64(lineno);
    OuroObject *off = ouro_int_from_int64(char_offset(line, linelen, col));
    OuroObject *eln = ouro_int_from_int64(end_lineno);
    /* The end column is measured on the error's line only when the error ends there. */
    int eoff = end_lineno == lineno ? char_offset(line, linelen, end_col)
                                    : (end_col < 0 ? end_col + 1 : end_col + 1);
    OuroObject *eo = ouro_int_from_int64(eoff);
    OuroObject *loc = NULL, *args = NULL, *exc = NULL;
    if (!m || !fn || !text || !ln || !off || !eln || !eo)
        goto done;
    loc = ouro_tuple_pack(6, fn, ln, off, text, eln, eo);
    if (!loc)
        goto done;
    args = ouro_tuple_pack(2, m, loc);
    if (!args)
        goto done;
    exc = ouro_exception_new(type, args);
done:
    OURO_XDECREF(m); OURO_XDECREF(fn); OURO_XDECREF(text); OURO_XDECREF(ln);
    OURO_XDECREF(off); OURO_XDECREF(eln); OURO_XDECREF(eo); OURO_XDECREF(loc);
    OURO_XDECREF(args);
    if (exc)
        ouro_err_restore(exc);
    else if (!ouro_err_occurred())
        ouro_err_no_memory();
}

int ou_source_line(const char *src, size_t len, int lineno, size_t *start, size_t *n)
{
    size_t pos = 0;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(src + pos, '\n', len - pos);
        if (!nl)
            return -1;
        pos = (size_t)(nl - src) + 1;
    }
    if (pos > len || (pos == len && lineno > 1))
        return -1;
    const char *nl = memchr(src + pos, '\n', len - pos);
    *start = pos;
    *n = nl ? (size_t)(nl - src) + 1 - pos : len - pos;
    return 0;
}

/* Raises at (lineno, col..end_col) of the lexer's source; the text is the line up to
 * byte text_end of the source, the whole line when text_end is 0, or the line without
 * its newline when text_end is NO_NEWLINE (CPython's tokenizer errors). Returns -1. */
#define NO_NEWLINE ((size_t)-1)
static int lex_error_range(OuLexer *lx, OuroType *type, const char *msg, int lineno, int col,
                           int end_col, size_t text_end)
{
    size_t start = 0, n = 0;
    const char *line = NULL;
    if (ou_source_line(lx->src, lx->len, lineno, &start, &n) == 0) {
        line = lx->src + start;
        if (text_end == NO_NEWLINE) {
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                n--;
        } else if (text_end > start && text_end - start < n) {
            n = text_end - start;
        }
    }
    ou_syntax_error_set(type, lx->filename, lineno, col, lineno, end_col, line, n, msg);
    return -1;
}

/* An error at the current position (column of byte pos). Returns -1. */
static int lex_error_at(OuLexer *lx, const char *msg, size_t pos)
{
    int col = (int)(pos - lx->line_start);
    return lex_error_range(lx, &ouro_exc_SyntaxError, msg, lx->lineno, col, col, NO_NEWLINE);
}

/* ------------------------------------------------------------------ start-up -- */

/* A "coding[:=]" declaration on one of the first two lines: only UTF-8 is supported. */
static int check_coding(OuLexer *lx)
{
    size_t pos = 0;
    for (int l = 1; l <= 2 && pos < lx->len; l++) {
        const char *s = lx->src + pos;
        const char *nl = memchr(s, '\n', lx->len - pos);
        size_t n = nl ? (size_t)(nl - s) : lx->len - pos;
        size_t i = 0;
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
            i++;
        if (i >= n || s[i] != '#') {
            if (i < n)
                return 0;   /* code on the line: no declaration after it */
            pos += n + 1;
            continue;
        }
        for (size_t j = i; j + 7 < n; j++) {
            if (memcmp(s + j, "coding", 6) != 0 || (s[j + 6] != ':' && s[j + 6] != '='))
                continue;
            size_t k = j + 7;
            while (k < n && (s[k] == ' ' || s[k] == '\t'))
                k++;
            size_t e = k;
            while (e < n && (s[e] == '-' || s[e] == '_' || s[e] == '.' ||
                             (s[e] >= '0' && s[e] <= '9') || ((s[e] | 32) >= 'a' && (s[e] | 32) <= 'z')))
                e++;
            char name[64];
            size_t m = e - k < sizeof name - 1 ? e - k : sizeof name - 1;
            for (size_t q = 0; q < m; q++)
                name[q] = (char)((s[k + q] >= 'A' && s[k + q] <= 'Z') ? s[k + q] + 32 : s[k + q]);
            name[m] = 0;
            if (strcmp(name, "utf-8") && strcmp(name, "utf8") && strncmp(name, "utf-8-", 6) &&
                strncmp(name, "utf_8", 5)) {
                char msg[96];
                snprintf(msg, sizeof msg, "encoding problem: %s", name);
                return lex_error_range(lx, &ouro_exc_SyntaxError, msg, l, 0, -1, 0);
            }
            return 0;
        }
        pos += n + 1;
    }
    return 0;
}

/* Invalid UTF-8: CPython's decoder message, on the line where it happens. */
static int check_utf8(OuLexer *lx)
{
    size_t end = 0;
    const char *why = NULL;
    ouro_ssize bad = ou_utf8_check(lx->src, lx->len, &end, &why);
    if (bad < 0)
        return 0;
    end = (size_t)bad;
    int lineno = 1;
    size_t ls = 0;
    for (size_t i = 0; i < end; i++)
        if (lx->src[i] == '\n') {
            lineno++;
            ls = i + 1;
        }
    char msg[160];
    snprintf(msg, sizeof msg,
             "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
             (unsigned char)lx->src[end], end - ls, why ? why : "invalid start byte");
    return lex_error_range(lx, &ouro_exc_SyntaxError, msg, lineno, 0, -2, 0);
}

int ou_lexer_init(OuLexer *lx, const char *src, size_t len, const char *filename)
{
    memset(lx, 0, sizeof *lx);
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    lx->src = src;
    lx->len = len;
    lx->lineno = 1;
    lx->atbol = 1;
    lx->filename = filename;
    if (memchr(src, '\0', len)) {
        ouro_err_set_string(&ouro_exc_SyntaxError, "source code string cannot contain null bytes");
        return -1;
    }
    if (check_utf8(lx) < 0)
        return -1;
    return check_coding(lx);
}

/* ------------------------------------------------------------------ scanning -- */

static int peekc(OuLexer *lx, size_t ahead)
{
    size_t p = lx->pos + ahead;
    return p < lx->len ? (unsigned char)lx->src[p] : -1;
}

static void newline_at(OuLexer *lx, size_t nl_pos)
{
    lx->lineno++;
    lx->line_start = nl_pos + 1;
}

/* Measures the indentation of a new line and queues INDENT/DEDENTs. Blank lines and
 * comment-only lines do not count. 0, or -1 with an error. */
static int read_indent(OuLexer *lx)
{
    int col = 0, altcol = 0;
    for (;;) {
        int c = peekc(lx, 0);
        if (c == ' ') {
            col++;
            altcol++;
        } else if (c == '\t') {
            col = (col / 8 + 1) * 8;
            altcol++;
        } else if (c == '\f') {
            col = altcol = 0;
        } else {
            break;
        }
        lx->pos++;
    }
    int c = peekc(lx, 0);
    if (c == '#' || c == '\n' || c == '\r' || c == -1)
        return 0;   /* blank line: indentation does not matter */
    if (lx->level > 0)
        return 0;
    int top = lx->indstack[lx->indent];
    if (col == top) {
        if (altcol != lx->altindstack[lx->indent])
            goto tab_error;
    } else if (col > top) {
        if (lx->indent + 1 >= OU_LEX_MAXINDENT)
            return lex_error_range(lx, &ouro_exc_IndentationError,
                                   "too many levels of indentation", lx->lineno, 0, -1, 0);
        if (altcol <= lx->altindstack[lx->indent])
            goto tab_error;
        lx->pendin++;
        lx->indent++;
        lx->indstack[lx->indent] = col;
        lx->altindstack[lx->indent] = altcol;
    } else {
        while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
            lx->pendin--;
            lx->indent--;
        }
        if (col != lx->indstack[lx->indent])
        {
            /* CPython reports it once the line is read: offset past its end. */
            const char *nl = memchr(lx->src + lx->pos, '\n', lx->len - lx->pos);
            size_t eol = nl ? (size_t)(nl - lx->src) : lx->len;
            return lex_error_range(lx, &ouro_exc_IndentationError,
                                   "unindent does not match any outer indentation level",
                                   lx->lineno, (int)(eol - lx->line_start), -2, 0);
        }
        if (altcol != lx->altindstack[lx->indent])
            goto tab_error;
    }
    return 0;
tab_error:
    return lex_error_range(lx, &ouro_exc_TabError,
                           "inconsistent use of tabs and spaces in indentation", lx->lineno,
                           0, -1, 0);
}

static void set_tok(OuLexer *lx, OuToken *t, int kind, size_t start, int lineno, size_t line_start)
{
    t->kind = (uint8_t)kind;
    t->kw = 0;
    t->level = (uint8_t)lx->level;
    t->lineno = lineno;
    t->col = (int)(start - line_start);
    t->end_lineno = lx->lineno;
    t->end_col = (int)(lx->pos - lx->line_start);
    t->start = (uint32_t)start;
    t->len = (uint32_t)(lx->pos - start);
}

static bool is_id_start_ascii(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static bool is_digit(int c) { return c >= '0' && c <= '9'; }

static const struct { const char *s; uint8_t n; } keyword_text[] = {
    { "", 0 },
#define OU_KW_TEXT_(k, s) { s, sizeof s - 1 },
    OU_KEYWORDS(OU_KW_TEXT_)
#undef OU_KW_TEXT_
};

static int keyword_of(const char *s, size_t n)
{
    if (n < 2 || n > 8 || !(s[0] >= 'F' && s[0] <= 'y'))
        return 0;
    for (int k = 1; k < OU_KW_COUNT_; k++)
        if (keyword_text[k].n == n && keyword_text[k].s[0] == s[0] &&
            memcmp(keyword_text[k].s, s, n) == 0)
            return k;
    return 0;
}

/* An identifier (the first byte is an ASCII start or >= 0x80). Non-ASCII code points
 * must be XID_Start / XID_Continue; others are "invalid character" errors. NFKC
 * normalization is not done (docs/differences.md). */
static int scan_name(OuLexer *lx, OuToken *t)
{
    size_t start = lx->pos;
    bool first = true;
    for (;;) {
        int c = peekc(lx, 0);
        if (c < 0)
            break;
        if (c < 0x80) {
            if (!(is_id_start_ascii(c) || (!first && is_digit(c))))
                break;
            lx->pos++;
        } else {
            const unsigned char *p = (const unsigned char *)lx->src + lx->pos;
            const unsigned char *q = p;
            uint32_t cp = ou_utf8_next(&q);
            if (!(first ? ou_uc_isxidstart(cp) : ou_uc_isxidcontinue(cp))) {
                char msg[64];
                if (ou_uc_isprintable(cp))
                    snprintf(msg, sizeof msg, "invalid character '%.*s' (U+%04X)",
                             (int)(q - p), (const char *)p, (unsigned)cp);
                else
                    snprintf(msg, sizeof msg, "invalid non-printable character U+%04X",
                             (unsigned)cp);
                size_t at = lx->pos;
                lx->pos += (size_t)(q - p);
                return lex_error_at(lx, msg, at);
            }
            lx->pos += (size_t)(q - p);
        }
        first = false;
    }
    set_tok(lx, t, OU_TOK_NAME, start, lx->lineno, lx->line_start);
    t->kw = (uint8_t)keyword_of(lx->src + start, lx->pos - start);
    return 0;
}

/* Digits of a base with single underscores between them; after a trailing '_' the
 * literal is invalid. Returns the last char examined, or -2 on an error raised. */
static int scan_digits(OuLexer *lx, int base, const char *kind)
{
    for (;;) {
        int c;
        while ((c = peekc(lx, 0)) >= 0 &&
               ((base == 16 && ((c | 32) >= 'a' && (c | 32) <= 'f')) || (is_digit(c) && c - '0' < base)))
            lx->pos++;
        if (c != '_')
            return c;
        lx->pos++;
        c = peekc(lx, 0);
        if (!(((base == 16 && ((c | 32) >= 'a' && (c | 32) <= 'f')) || (is_digit(c) && c - '0' < base)))) {
            char msg[64];
            snprintf(msg, sizeof msg, "invalid %s literal", kind);
            lex_error_at(lx, msg, lx->pos - 1);
            return -2;
        }
    }
}

static bool kw_prefix_ok(OuLexer *lx)
{
    /* 1if x else y: CPython accepts (with a DeprecationWarning) a keyword right after a
     * number; these are the keywords it checks. */
    static const char *const kws[] = { "and", "else", "for", "if", "in", "is", "not", "or" };
    for (size_t i = 0; i < OU_ARRAY_LEN(kws); i++) {
        size_t n = strlen(kws[i]);
        if (lx->pos + n <= lx->len && memcmp(lx->src + lx->pos, kws[i], n) == 0)
            return true;
    }
    return false;
}

/* After a number: a letter right after it makes "invalid <kind> literal". 0 or -1. */
static int end_of_number(OuLexer *lx, const char *kind)
{
    int c = peekc(lx, 0);
    if (c < 0 || !(is_id_start_ascii(c) || c >= 0x80 || is_digit(c)))
        return 0;
    if (kw_prefix_ok(lx))
        return 0;
    char msg[64];
    snprintf(msg, sizeof msg, "invalid %s literal", kind);
    return lex_error_at(lx, msg, lx->pos - 1);
}

/* Fraction, exponent and 'j' of a decimal literal whose integer part was read. */
static int scan_decimal_tail(OuLexer *lx, bool seen_dot)
{
    int c = peekc(lx, 0);
    if (c == '.' && !seen_dot) {
        lx->pos++;
        c = peekc(lx, 0);
        if (is_digit(c) && (c = scan_digits(lx, 10, "decimal")) == -2)
            return -1;
    }
    if (c == 'e' || c == 'E') {
        size_t save = lx->pos;
        lx->pos++;
        c = peekc(lx, 0);
        bool sign = c == '+' || c == '-';
        if (sign) {
            lx->pos++;
            c = peekc(lx, 0);
        }
        if (!is_digit(c)) {
            /* CPython's position: after the sign, or at the 'e'. */
            size_t at = sign ? lx->pos - 1 : save - 1;
            lx->pos = save;
            return lex_error_at(lx, "invalid decimal literal", at);
        }
        if (scan_digits(lx, 10, "decimal") == -2)
            return -1;
        c = peekc(lx, 0);
    }
    if (c == 'j' || c == 'J') {
        lx->pos++;
        return end_of_number(lx, "imaginary");
    }
    return end_of_number(lx, "decimal");
}

static int scan_number(OuLexer *lx, OuToken *t)
{
    size_t start = lx->pos;
    int c = peekc(lx, 0);
    if (c == '.') {
        lx->pos++;
        if (scan_digits(lx, 10, "decimal") == -2 || scan_decimal_tail(lx, true) < 0)
            return -1;
    } else if (c == '0' && ((peekc(lx, 1) | 32) == 'x' || (peekc(lx, 1) | 32) == 'o' ||
                            (peekc(lx, 1) | 32) == 'b')) {
        int k = peekc(lx, 1) | 32;
        int base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
        const char *kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
        lx->pos += 2;
        if (peekc(lx, 0) == '_')
            lx->pos++;
        c = peekc(lx, 0);
        bool ok = (base == 16 && (((c | 32) >= 'a' && (c | 32) <= 'f') || is_digit(c))) ||
                  (base != 16 && is_digit(c) && c - '0' < base);
        if (!ok) {
            char msg[64];
            if (is_digit(c))
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
            else
                snprintf(msg, sizeof msg, "invalid %s literal", kind);
            if (is_digit(c))
                lx->pos++;
            return lex_error_at(lx, msg, lx->pos - 1);
        }
        if ((c = scan_digits(lx, base, kind)) == -2)
            return -1;
        if (is_digit(c)) {
            char msg[64];
            snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
            lx->pos++;
            return lex_error_at(lx, msg, lx->pos - 1);
        }
        if (end_of_number(lx, kind) < 0)
            return -1;
    } else {
        if ((c = scan_digits(lx, 10, "decimal")) == -2)
            return -1;
        /* Leading zeros: "0777" is an error, "00", "0.5", "0e1", "0j" are fine. */
        bool nonzero = false, leading0 = lx->src[start] == '0';
        for (size_t i = start; i < lx->pos; i++)
            if (lx->src[i] != '0' && lx->src[i] != '_')
                nonzero = true;
        if (leading0 && nonzero && c != '.' && (c | 32) != 'e' && (c | 32) != 'j') {
            int col = (int)(start - lx->line_start);
            return lex_error_range(lx, &ouro_exc_SyntaxError,
                                   "leading zeros in decimal integer literals are not permitted; "
                                   "use an 0o prefix for octal integers",
                                   lx->lineno, col, col + 1, lx->pos);
        }
        if (scan_decimal_tail(lx, false) < 0)
            return -1;
    }
    set_tok(lx, t, OU_TOK_NUMBER, start, lx->lineno, lx->line_start);
    return 0;
}

/* A string prefix of letters from "rbuf" forming a valid combination. */
static bool string_prefix(const char *s, size_t n)
{
    int r = 0, b = 0, u = 0, f = 0;
    for (size_t i = 0; i < n; i++) {
        switch (s[i] | 32) {
        case 'r': r++; break;
        case 'b': b++; break;
        case 'u': u++; break;
        case 'f': f++; break;
        default: return false;
        }
    }
    if (r > 1 || b > 1 || u > 1 || f > 1 || (u && (r || b || f)) || (b && f))
        return false;
    return n <= 2;
}

/* A string literal from its quote at lx->pos (the prefix starts at start). */
static int scan_string(OuLexer *lx, OuToken *t, size_t start)
{
    int q = peekc(lx, 0);
    int start_line = lx->lineno;
    size_t start_ls = lx->line_start;
    bool triple = peekc(lx, 1) == q && peekc(lx, 2) == q;
    lx->pos += triple ? 3 : 1;
    for (;;) {
        int c = peekc(lx, 0);
        if (c < 0 || (!triple && c == '\n')) {
            char msg[96];
            int scol = (int)(start - start_ls);
            int detected = lx->lineno;
            if (c < 0 && lx->pos > 0 && lx->src[lx->pos - 1] == '\n')
                detected--;   /* EOF after a final newline: the last line */
            snprintf(msg, sizeof msg, "unterminated %sstring literal (detected at line %d)",
                     triple ? "triple-quoted " : "", detected);
            lx->incomplete = triple;
            /* The text is the start line as read: up to the end of it. */
            const char *nl = memchr(lx->src + start_ls, '\n', lx->len - start_ls);
            size_t text_end = nl ? (size_t)(nl - lx->src) : lx->len;
            return lex_error_range(lx, &ouro_exc_SyntaxError, msg, start_line, scol, scol,
                                   text_end);
        }
        lx->pos++;
        if (c == '\\') {
            int d = peekc(lx, 0);
            if (d >= 0) {
                lx->pos++;
                if (d == '\n')
                    newline_at(lx, lx->pos - 1);
            }
        } else if (c == '\n') {
            newline_at(lx, lx->pos - 1);
        } else if (c == q) {
            if (!triple)
                break;
            if (peekc(lx, 0) == q && peekc(lx, 1) == q) {
                lx->pos += 2;
                break;
            }
        }
    }
    set_tok(lx, t, OU_TOK_STRING, start, start_line, start_ls);
    return 0;
}

/* ----------------------------------------------------------------- operators -- */

static int op3(int a, int b, int c)
{
    if (a == '*' && b == '*' && c == '=') return OU_TOK_DOUBLESTAREQUAL;
    if (a == '.' && b == '.' && c == '.') return OU_TOK_ELLIPSIS;
    if (a == '/' && b == '/' && c == '=') return OU_TOK_DOUBLESLASHEQUAL;
    if (a == '<' && b == '<' && c == '=') return OU_TOK_LEFTSHIFTEQUAL;
    if (a == '>' && b == '>' && c == '=') return OU_TOK_RIGHTSHIFTEQUAL;
    return -1;
}

static int op2(int a, int b)
{
    static const struct { char a, b; uint8_t k; } t2[] = {
        { '!', '=', OU_TOK_NOTEQUAL }, { '%', '=', OU_TOK_PERCENTEQUAL },
        { '&', '=', OU_TOK_AMPEREQUAL }, { '*', '*', OU_TOK_DOUBLESTAR },
        { '*', '=', OU_TOK_STAREQUAL }, { '+', '=', OU_TOK_PLUSEQUAL },
        { '-', '=', OU_TOK_MINEQUAL }, { '-', '>', OU_TOK_RARROW },
        { '/', '/', OU_TOK_DOUBLESLASH }, { '/', '=', OU_TOK_SLASHEQUAL },
        { ':', '=', OU_TOK_COLONEQUAL }, { '<', '<', OU_TOK_LEFTSHIFT },
        { '<', '=', OU_TOK_LESSEQUAL }, { '<', '>', OU_TOK_NOTEQUAL },
        { '=', '=', OU_TOK_EQEQUAL }, { '>', '=', OU_TOK_GREATEREQUAL },
        { '>', '>', OU_TOK_RIGHTSHIFT }, { '@', '=', OU_TOK_ATEQUAL },
        { '^', '=', OU_TOK_CIRCUMFLEXEQUAL }, { '|', '=', OU_TOK_VBAREQUAL },
    };
    if (a == '<' && b == '>')
        return -1;   /* only with barry_as_FLUFL */
    for (size_t i = 0; i < OU_ARRAY_LEN(t2); i++)
        if (t2[i].a == a && t2[i].b == b)
            return t2[i].k;
    return -1;
}

static int op1(int c)
{
    switch (c) {
    case '(': return OU_TOK_LPAR;  case ')': return OU_TOK_RPAR;
    case '[': return OU_TOK_LSQB;  case ']': return OU_TOK_RSQB;
    case ':': return OU_TOK_COLON; case ',': return OU_TOK_COMMA;
    case ';': return OU_TOK_SEMI;  case '+': return OU_TOK_PLUS;
    case '-': return OU_TOK_MINUS; case '*': return OU_TOK_STAR;
    case '/': return OU_TOK_SLASH; case '|': return OU_TOK_VBAR;
    case '&': return OU_TOK_AMPER; case '<': return OU_TOK_LESS;
    case '>': return OU_TOK_GREATER; case '=': return OU_TOK_EQUAL;
    case '.': return OU_TOK_DOT;   case '%': return OU_TOK_PERCENT;
    case '{': return OU_TOK_LBRACE; case '}': return OU_TOK_RBRACE;
    case '~': return OU_TOK_TILDE; case '^': return OU_TOK_CIRCUMFLEX;
    case '@': return OU_TOK_AT;    case '!': return OU_TOK_EXCLAMATION;
    default: return OU_TOK_ERRORTOKEN;
    }
}

/* Brackets: push on open, match on close. 0 or -1. */
static int track_bracket(OuLexer *lx, int c, size_t at)
{
    int col = (int)(at - lx->line_start);
    if (c == '(' || c == '[' || c == '{') {
        if (lx->level >= OU_LEX_MAXLEVEL)
            return lex_error_at(lx, "too many nested parentheses", at);
        lx->parenstack[lx->level] = (char)c;
        lx->parenline[lx->level] = lx->lineno;
        lx->parencol[lx->level] = col;
        lx->level++;
        return 0;
    }
    char msg[128];
    if (lx->level <= lx->base_level) {
        snprintf(msg, sizeof msg, "unmatched '%c'", c);
        return lex_error_at(lx, msg, at);
    }
    lx->level--;
    int open = lx->parenstack[lx->level];
    if ((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))
        return 0;
    if (lx->parenline[lx->level] != lx->lineno)
        snprintf(msg, sizeof msg,
                 "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                 c, open, lx->parenline[lx->level]);
    else
        snprintf(msg, sizeof msg,
                 "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
    return lex_error_at(lx, msg, at);
}

static int scan_operator(OuLexer *lx, OuToken *t)
{
    size_t start = lx->pos;
    int a = peekc(lx, 0), b = peekc(lx, 1), c = peekc(lx, 2);
    int k = op3(a, b, c);
    size_t n = 3;
    if (k < 0) {
        k = op2(a, b);
        n = 2;
    }
    if (k < 0) {
        k = op1(a);
        n = 1;
    }
    if (k == OU_TOK_ERRORTOKEN && (a < 0x20 || a == 0x7F)) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", (unsigned)a);
        lx->pos++;
        return lex_error_at(lx, msg, start);
    }
    lx->pos += n;
    if (n == 1 && strchr("([{)]}", a) && track_bracket(lx, a, start) < 0)
        return -1;
    set_tok(lx, t, k, start, lx->lineno, lx->line_start);
    return 0;
}

/* ---------------------------------------------------------------- the driver -- */

/* End of input: a NEWLINE if the last line had content, then DEDENTs, then ENDMARKER.
 * An open bracket is "'(' was never closed". */
static int at_eof(OuLexer *lx, OuToken *t)
{
    if (lx->level > lx->base_level) {
        int l = lx->level - 1;
        char msg[48];
        snprintf(msg, sizeof msg, "'%c' was never closed", lx->parenstack[l]);
        lx->incomplete = 1;
        lx->unclosed = 1;
        return lex_error_range(lx, &ouro_exc_SyntaxError, msg, lx->parenline[l],
                               lx->parencol[l], -1, lx->unclosed_text_nonl ? NO_NEWLINE : 0);
    }
    if (lx->seen_content) {
        lx->seen_content = 0;
        set_tok(lx, t, OU_TOK_NEWLINE, lx->pos, lx->lineno, lx->line_start);
        return 0;
    }
    if (lx->indent > 0) {
        lx->indent--;
        set_tok(lx, t, OU_TOK_DEDENT, lx->pos, lx->lineno, lx->line_start);
        return 0;
    }
    lx->done = 1;
    set_tok(lx, t, OU_TOK_ENDMARKER, lx->pos, lx->lineno, lx->line_start);
    return 0;
}

/* Skips spaces, comments and continuation lines. 1 if a token may follow on this line,
 * 0 at a newline / EOF, -1 on an error. */
static int skip_blanks(OuLexer *lx)
{
    for (;;) {
        int c = peekc(lx, 0);
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
            lx->pos++;
        } else if (c == '#') {
            while ((c = peekc(lx, 0)) >= 0 && c != '\n')
                lx->pos++;
        } else if (c == '\\') {
            int d = peekc(lx, 1);
            if (d == '\r' && peekc(lx, 2) == '\n') {
                lx->pos++;
                d = '\n';
            }
            if (d == '\n') {
                size_t bs = lx->pos;
                size_t bs_line = lx->line_start;
                lx->pos += 2;
                newline_at(lx, lx->pos - 1);
                if (peekc(lx, 0) < 0) {
                    lx->incomplete = 1;
                    return lex_error_range(lx, &ouro_exc_SyntaxError,
                                           "unexpected EOF while parsing", lx->lineno - 1,
                                           (int)(bs + 1 - bs_line), -2, 0);
                }
                continue;
            }
            if (d < 0) {
                lx->incomplete = 1;
                lx->pos++;
                return lex_error_at(lx, "unexpected EOF while parsing", lx->pos);
            }
            lx->pos++;
            return lex_error_range(lx, &ouro_exc_SyntaxError,
                                   "unexpected character after line continuation character",
                                   lx->lineno, (int)(lx->pos - lx->line_start), -1, 0);
        } else {
            return c == '\n' || c < 0 ? 0 : 1;
        }
    }
}

int ou_lexer_next(OuLexer *lx, OuToken *t)
{
    for (;;) {
        if (lx->atbol) {
            lx->atbol = 0;
            if (read_indent(lx) < 0)
                return -1;
        }
        if (lx->pendin != 0) {
            int k = lx->pendin > 0 ? OU_TOK_INDENT : OU_TOK_DEDENT;
            lx->pendin += lx->pendin > 0 ? -1 : 1;
            set_tok(lx, t, k, lx->pos, lx->lineno, lx->line_start);
            return 0;
        }
        int r = skip_blanks(lx);
        if (r < 0)
            return -1;
        if (r == 0) {
            int c = peekc(lx, 0);
            if (c < 0)
                return at_eof(lx, t);
            size_t nl = lx->pos;
            lx->pos++;
            if (lx->level > 0 || !lx->seen_content) {
                newline_at(lx, nl);
                lx->atbol = lx->level == 0;
                continue;   /* inside brackets, or a blank line: no token */
            }
            set_tok(lx, t, OU_TOK_NEWLINE, nl, lx->lineno, lx->line_start);
            t->end_col = t->col;   /* zero width, as CPython reports it */
            newline_at(lx, nl);
            lx->atbol = 1;
            lx->seen_content = 0;
            return 0;
        }
        lx->seen_content = 1;
        int c = peekc(lx, 0);
        if (is_digit(c) || (c == '.' && is_digit(peekc(lx, 1))))
            return scan_number(lx, t);
        if (c == '"' || c == '\'')
            return scan_string(lx, t, lx->pos);
        if (is_id_start_ascii(c) || c >= 0x80) {
            /* A string prefix? */
            size_t n = 0;
            while (n < 3 && is_id_start_ascii(peekc(lx, n)))
                n++;
            for (size_t k = 1; k <= n && k <= 2; k++) {
                int q = peekc(lx, k);
                if ((q == '"' || q == '\'') && string_prefix(lx->src + lx->pos, k)) {
                    size_t start = lx->pos;
                    lx->pos += k;
                    return scan_string(lx, t, start);
                }
            }
            return scan_name(lx, t);
        }
        return scan_operator(lx, t);
    }
}
