/* src/lang/lexer.h — the tokenizer: UTF-8 source to tokens, with CPython's indentation
 * rules (a stack of columns, tabs to multiples of 8, TabError when ambiguous), implicit
 * joining inside brackets, backslash continuation and its error messages. The parser
 * pulls tokens one at a time (errors found later in the file do not mask earlier syntax
 * errors, as in CPython). Narrative: docs/internals/language.md (parser). */
#ifndef OU_LEXER_H
#define OU_LEXER_H

#include "ouro.h"
#include "token.h"

#define OU_LEX_MAXINDENT 100   /* CPython's MAXINDENT: "too many levels of indentation" */
#define OU_LEX_MAXLEVEL 200    /* CPython's MAXLEVEL: "too many nested parentheses" */

typedef struct OuToken {
    uint8_t kind;              /* OuTokKind */
    uint8_t kw;                /* OuKeywordId of a NAME, else 0 */
    uint8_t level;             /* brackets open before this token */
    int lineno, col, end_lineno, end_col;   /* 1-based lines, 0-based byte columns */
    uint32_t start, len;       /* bytes src[start..start+len) */
} OuToken;

typedef struct OuLexer {
    const char *src;           /* the whole source (after a BOM) */
    size_t len;
    size_t pos;                /* next byte to read */
    size_t line_start;         /* offset of the current line's first byte */
    int lineno;
    const char *filename;
    int atbol;                 /* at the beginning of a logical line */
    int pendin;                /* INDENTs (>0) or DEDENTs (<0) still to hand out */
    int indent;                /* top of the indentation stacks */
    int indstack[OU_LEX_MAXINDENT + 1];
    int altindstack[OU_LEX_MAXINDENT + 1];   /* columns with tabs counted as 1 */
    int level;                 /* open brackets */
    int base_level;            /* brackets open before the text (1 for an f-string
                                  expression, lexed as if parenthesized) */
    char parenstack[OU_LEX_MAXLEVEL];
    int parenline[OU_LEX_MAXLEVEL], parencol[OU_LEX_MAXLEVEL];
    int seen_content;          /* a token was produced on the current logical line */
    int done;                  /* ENDMARKER produced */
    int incomplete;            /* set with the error when more input could fix it */
    int unclosed;              /* the error is "'(' was never closed" */
    int unclosed_text_nonl;    /* ... and its text is the line without newline */
} OuLexer;

/* Prepares lx over src (UTF-8; a leading BOM is skipped; a coding declaration must name
 * UTF-8). filename is borrowed for the lexer's lifetime. 0, or -1 with SyntaxError (null
 * bytes, invalid UTF-8, another encoding). */
int ou_lexer_init(OuLexer *lx, const char *src, size_t len, const char *filename);
/* The next token into *t. 0, or -1 with SyntaxError / IndentationError / TabError set
 * (lx->incomplete says whether the input merely ended too early). */
int ou_lexer_next(OuLexer *lx, OuToken *t);

/* Raises type (SyntaxError or a subclass) with CPython's args: (msg, (filename, lineno,
 * offset, text, end_lineno, end_offset)). Columns are 0-based byte offsets into line
 * (the text of line lineno, linelen bytes; line NULL: text None); they become 1-based
 * character offsets. A negative column c is stored as c + 1 unconverted (CPython's 0 and
 * -1 markers). Never fails (MemoryError replaces the error when out of memory). */
void ou_syntax_error_set(OuroType *type, const char *filename, int lineno, int col,
                         int end_lineno, int end_col, const char *line, size_t linelen,
                         const char *msg);
/* The bounds of line lineno of src (1-based): *start and *n bytes, with its newline.
 * 0, or -1 when src has fewer lines. Never fails. */
int ou_source_line(const char *src, size_t len, int lineno, size_t *start, size_t *n);

#endif
