/* tests/unit/test_lexer.c — the tokenizer: token kinds, text and positions for
 * indentation, continuation lines, brackets, every operator, numbers, string prefixes,
 * keywords, non-ASCII identifiers, line endings; and its error messages. (The parser's
 * tests check the rest against CPython.) */
#include "test.h"
#include "lang/lexer.h"
#include <stdlib.h>

static const char *const kind_names[] = {
#define KIND_NAME_(k, s) #k,
    OU_TOKENS(KIND_NAME_)
#undef KIND_NAME_
};

/* The tokens of src as "KIND" (layout tokens) or "KIND:text", space-separated, into
 * out; "!msg" at the end on an error (cleared). */
static void tokens(const char *src, char *out, size_t n, bool positions)
{
    OuLexer lx;
    size_t len = 0;
    out[0] = 0;
    if (ou_lexer_init(&lx, src, strlen(src), "x.py") < 0) {
        OuroObject *e = ouro_err_fetch();
        snprintf(out, n, "!init");
        OURO_XDECREF(e);
        return;
    }
    for (int i = 0; i < 1000; i++) {
        OuToken t;
        if (ou_lexer_next(&lx, &t) < 0) {
            OuroObject *e = ouro_err_fetch();
            OuroObject *args = ouro_exception_args(e);
            snprintf(out + len, n - len, "%s!%s", len ? " " : "", ouro_str_utf8(OURO_TUPLE_GET(args, 0)));
            OURO_DECREF(e);
            return;
        }
        int w;
        if (t.kind == OU_TOK_NAME || t.kind == OU_TOK_NUMBER || t.kind == OU_TOK_STRING ||
            t.kind > OU_TOK_DEDENT)
            w = snprintf(out + len, n - len, "%s%s:%.*s", len ? " " : "", kind_names[t.kind],
                         (int)t.len, lx.src + t.start);
        else
            w = snprintf(out + len, n - len, "%s%s", len ? " " : "", kind_names[t.kind]);
        len += (size_t)w;
        if (positions)
            len += (size_t)snprintf(out + len, n - len, "@%d.%d-%d.%d", t.lineno, t.col,
                                    t.end_lineno, t.end_col);
        if (t.kind == OU_TOK_ENDMARKER)
            return;
    }
}

static void check_tokens(const char *src, const char *want, bool positions, int line)
{
    char got[4096];
    tokens(src, got, sizeof got, positions);
    if (strcmp(got, want) != 0)
        printf("#   line %d: %s\n#     got  %s\n#     want %s\n", line, src, got, want);
    CHECK(strcmp(got, want) == 0);
}
#define TOKENS(src, want) check_tokens((src), (want), false, __LINE__)
#define TOKENS_AT(src, want) check_tokens((src), (want), true, __LINE__)

static void test_layout(void)
{
    TOKENS("x = 1", "NAME:x EQUAL:= NUMBER:1 NEWLINE ENDMARKER");
    TOKENS("if x:\n    y\nz\n",
           "NAME:if NAME:x COLON:: NEWLINE INDENT NAME:y NEWLINE DEDENT NAME:z NEWLINE ENDMARKER");
    TOKENS("if x:\n  if y:\n    z\n", "NAME:if NAME:x COLON:: NEWLINE INDENT NAME:if NAME:y "
           "COLON:: NEWLINE INDENT NAME:z NEWLINE DEDENT DEDENT ENDMARKER");
    TOKENS("\n\n# c\n  # d\nx\n\n", "NAME:x NEWLINE ENDMARKER");
    TOKENS("x = (1,\n  2)\n", "NAME:x EQUAL:= LPAR:( NUMBER:1 COMMA:, NUMBER:2 RPAR:) NEWLINE ENDMARKER");
    TOKENS("x = 1 + \\\n  2\n", "NAME:x EQUAL:= NUMBER:1 PLUS:+ NUMBER:2 NEWLINE ENDMARKER");
    TOKENS("x\r\ny\r\n", "NAME:x NEWLINE NAME:y NEWLINE ENDMARKER");
    TOKENS("if x:\n\ty\n\tz\n", "NAME:if NAME:x COLON:: NEWLINE INDENT NAME:y NEWLINE NAME:z "
           "NEWLINE DEDENT ENDMARKER");
    TOKENS("\xEF\xBB\xBFx", "NAME:x NEWLINE ENDMARKER");
    TOKENS("", "ENDMARKER");
    TOKENS_AT("ab = 'c'\n", "NAME:ab@1.0-1.2 EQUAL:=@1.3-1.4 STRING:'c'@1.5-1.8 NEWLINE@1.8-1.8 "
              "ENDMARKER@2.0-2.0");
    TOKENS_AT("s = '''a\nb'''\n", "NAME:s@1.0-1.1 EQUAL:=@1.2-1.3 STRING:'''a\nb'''@1.4-2.4 "
              "NEWLINE@2.4-2.4 ENDMARKER@3.0-3.0");
    TOKENS_AT("\xC3\xA9 = 1", "NAME:\xC3\xA9@1.0-1.2 EQUAL:=@1.3-1.4 NUMBER:1@1.5-1.6 "
              "NEWLINE@1.6-1.6 ENDMARKER@1.6-1.6");
}

static void test_operators(void)
{
    TOKENS("( ) [ ] : , ; + - * / | & < > = . % { } == != <= >= ~ ^ << >> ** += -= *= /= "
           "%= &= |= ^= <<= >>= **= // //= @ @= -> ... :=",
           "LPAR:( RPAR:) LSQB:[ RSQB:] COLON:: COMMA:, SEMI:; PLUS:+ MINUS:- STAR:* SLASH:/ "
           "VBAR:| AMPER:& LESS:< GREATER:> EQUAL:= DOT:. PERCENT:% LBRACE:{ RBRACE:} "
           "EQEQUAL:== NOTEQUAL:!= LESSEQUAL:<= GREATEREQUAL:>= TILDE:~ CIRCUMFLEX:^ "
           "LEFTSHIFT:<< RIGHTSHIFT:>> DOUBLESTAR:** PLUSEQUAL:+= MINEQUAL:-= STAREQUAL:*= "
           "SLASHEQUAL:/= PERCENTEQUAL:%= AMPEREQUAL:&= VBAREQUAL:|= CIRCUMFLEXEQUAL:^= "
           "LEFTSHIFTEQUAL:<<= RIGHTSHIFTEQUAL:>>= DOUBLESTAREQUAL:**= DOUBLESLASH:// "
           "DOUBLESLASHEQUAL://= AT:@ ATEQUAL:@= RARROW:-> ELLIPSIS:... COLONEQUAL::= "
           "NEWLINE ENDMARKER");
    TOKENS("a.b..c", "NAME:a DOT:. NAME:b DOT:. DOT:. NAME:c NEWLINE ENDMARKER");
    TOKENS("x $ ?", "NAME:x ERRORTOKEN:$ ERRORTOKEN:? NEWLINE ENDMARKER");
}

static void test_literals(void)
{
    TOKENS("1 1_0 0x1F 0o7 0b1 1.5 .5 1. 1e5 1E-5 1_0.5e+1_0 3j 00",
           "NUMBER:1 NUMBER:1_0 NUMBER:0x1F NUMBER:0o7 NUMBER:0b1 NUMBER:1.5 NUMBER:.5 "
           "NUMBER:1. NUMBER:1e5 NUMBER:1E-5 NUMBER:1_0.5e+1_0 NUMBER:3j NUMBER:00 NEWLINE ENDMARKER");
    TOKENS("1if x else 2", "NUMBER:1 NAME:if NAME:x NAME:else NUMBER:2 NEWLINE ENDMARKER");
    TOKENS("'a' \"b\" r'c' b'd' rb'e' BR'f' u'g' f'h' Rf'i' '''j''' \"\"\"k\"\"\"",
           "STRING:'a' STRING:\"b\" STRING:r'c' STRING:b'd' STRING:rb'e' STRING:BR'f' "
           "STRING:u'g' STRING:f'h' STRING:Rf'i' STRING:'''j''' STRING:\"\"\"k\"\"\" NEWLINE ENDMARKER");
    TOKENS("'a\\'b' 'c\\\nd'", "STRING:'a\\'b' STRING:'c\\\nd' NEWLINE ENDMARKER");
    TOKENS("ur'x'", "NAME:ur STRING:'x' NEWLINE ENDMARKER");
    TOKENS("if not_ in", "NAME:if NAME:not_ NAME:in NEWLINE ENDMARKER");
}

static void test_errors(void)
{
    TOKENS("x = (", "NAME:x EQUAL:= LPAR:( !'(' was never closed");
    TOKENS("x = )", "NAME:x EQUAL:= !unmatched ')'");
    TOKENS("(]", "LPAR:( !closing parenthesis ']' does not match opening parenthesis '('");
    TOKENS("(\n]", "LPAR:( !closing parenthesis ']' does not match opening parenthesis '(' on line 1");
    TOKENS("'abc", "!unterminated string literal (detected at line 1)");
    TOKENS("'''abc\n\n", "!unterminated triple-quoted string literal (detected at line 2)");
    TOKENS("1abc", "!invalid decimal literal");
    TOKENS("0777", "!leading zeros in decimal integer literals are not permitted; use an 0o "
           "prefix for octal integers");
    TOKENS("0b12", "!invalid digit '2' in binary literal");
    TOKENS("0o8", "!invalid digit '8' in octal literal");
    TOKENS("0x", "!invalid hexadecimal literal");
    TOKENS("1__0", "!invalid decimal literal");
    TOKENS("x = \xE2\x82\xAC", "NAME:x EQUAL:= !invalid character '\xE2\x82\xAC' (U+20AC)");
    TOKENS("x\x01", "NAME:x !invalid non-printable character U+0001");
    OuLexer lx;
    CHECK(ou_lexer_init(&lx, "a\0b", 3, "x.py") == -1);
    CHECK_RAISED(&ouro_exc_SyntaxError, "source code string cannot contain null bytes");
    TOKENS("\xFF", "!init");
    TOKENS("# coding: latin-1\nx", "!init");
    TOKENS("# -*- coding: utf-8 -*-\nx", "NAME:x NEWLINE ENDMARKER");
    TOKENS("x = \\ 1", "NAME:x EQUAL:= !unexpected character after line continuation character");
    TOKENS("x = 1 + \\", "NAME:x EQUAL:= NUMBER:1 PLUS:+ !unexpected EOF while parsing");
    TOKENS("if x:\n    a\n  b\n", "NAME:if NAME:x COLON:: NEWLINE INDENT NAME:a NEWLINE "
           "!unindent does not match any outer indentation level");
    TOKENS("if x:\n\ta\n        b\n", "NAME:if NAME:x COLON:: NEWLINE INDENT NAME:a NEWLINE "
           "!inconsistent use of tabs and spaces in indentation");
    char *deep = malloc(300);
    memset(deep, '(', 250);
    deep[250] = 0;
    char got[8192];
    tokens(deep, got, sizeof got, false);
    CHECK(strstr(got, "!too many nested parentheses") != NULL);
    CHECK_INT((int)(strstr(got, "!") - got), 200 * 7);   /* 200 "LPAR:( " first */
    free(deep);
}

int main(void)
{
    th_begin("lexer");
    RUN(test_layout);
    RUN(test_operators);
    RUN(test_literals);
    RUN(test_errors);
    return th_end();
}
