/* src/lang/token.h — the token kinds of the lexer (CPython's token module, minus the
 * ones the parser never sees: NL, COMMENT) and the keywords. Internal to the parser. */
#ifndef OU_TOKEN_H
#define OU_TOKEN_H

/* X(kind, text): operators carry their spelling (for messages and the lexer's table). */
#define OU_TOKENS(X) \
    X(ENDMARKER, "") X(NAME, "") X(NUMBER, "") X(STRING, "") X(NEWLINE, "") \
    X(INDENT, "") X(DEDENT, "") \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(COLON, ":") X(COMMA, ",") \
    X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*") X(SLASH, "/") X(VBAR, "|") \
    X(AMPER, "&") X(LESS, "<") X(GREATER, ">") X(EQUAL, "=") X(DOT, ".") \
    X(PERCENT, "%") X(LBRACE, "{") X(RBRACE, "}") X(EQEQUAL, "==") X(NOTEQUAL, "!=") \
    X(LESSEQUAL, "<=") X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^") \
    X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**") X(PLUSEQUAL, "+=") \
    X(MINEQUAL, "-=") X(STAREQUAL, "*=") X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") \
    X(AMPEREQUAL, "&=") X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") \
    X(LEFTSHIFTEQUAL, "<<=") X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=") \
    X(DOUBLESLASH, "//") X(DOUBLESLASHEQUAL, "//=") X(AT, "@") X(ATEQUAL, "@=") \
    X(RARROW, "->") X(ELLIPSIS, "...") X(COLONEQUAL, ":=") X(EXCLAMATION, "!") \
    X(ERRORTOKEN, "")

typedef enum OuTokKind {
#define OU_TOK_ENUM_(k, s) OU_TOK_##k,
    OU_TOKENS(OU_TOK_ENUM_)
#undef OU_TOK_ENUM_
    OU_TOK_COUNT_
} OuTokKind;

/* Keywords: a NAME token whose text is a keyword carries its OuKeywordId (0: none). */
#define OU_KEYWORDS(X) \
    X(FALSE, "False") X(NONE, "None") X(TRUE, "True") X(AND, "and") X(AS, "as") \
    X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await") X(BREAK, "break") \
    X(CLASS, "class") X(CONTINUE, "continue") X(DEF, "def") X(DEL, "del") \
    X(ELIF, "elif") X(ELSE, "else") X(EXCEPT, "except") X(FINALLY, "finally") \
    X(FOR, "for") X(FROM, "from") X(GLOBAL, "global") X(IF, "if") X(IMPORT, "import") \
    X(IN, "in") X(IS, "is") X(LAMBDA, "lambda") X(NONLOCAL, "nonlocal") X(NOT, "not") \
    X(OR, "or") X(PASS, "pass") X(RAISE, "raise") X(RETURN, "return") X(TRY, "try") \
    X(WHILE, "while") X(WITH, "with") X(YIELD, "yield")

typedef enum OuKeywordId {
    OU_KW_NONE_ = 0,
#define OU_KW_ENUM_(k, s) OU_KW_##k,
    OU_KEYWORDS(OU_KW_ENUM_)
#undef OU_KW_ENUM_
    OU_KW_COUNT_
} OuKeywordId;

#endif
