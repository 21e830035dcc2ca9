/* src/lang/opcodes.h — the instruction set of the evaluation loop. An instruction is one
 * 32-bit word: the opcode in the low 8 bits, the argument in the high 24 (no
 * EXTENDED_ARG). Jump arguments are absolute instruction indices. Stack effects are in
 * compile.c (stack_effect). Narrative: docs/internals/language.md, "Compiler and eval". */
#ifndef OU_OPCODES_H
#define OU_OPCODES_H

#include <stdint.h>

#define OU_OPCODES(X) \
    X(NOP) X(POP_TOP) X(PUSH_NULL) X(COPY) X(SWAP) \
    X(LOAD_CONST) X(LOAD_FAST) X(STORE_FAST) X(DELETE_FAST) \
    X(LOAD_NAME) X(STORE_NAME) X(DELETE_NAME) \
    X(LOAD_GLOBAL) X(STORE_GLOBAL) X(DELETE_GLOBAL) \
    X(LOAD_DEREF) X(STORE_DEREF) X(DELETE_DEREF) X(LOAD_CLOSURE) X(LOAD_CLASSDEREF) \
    X(MAKE_CELL) X(COPY_FREE_VARS) \
    X(LOAD_ATTR) X(STORE_ATTR) X(DELETE_ATTR) X(LOAD_METHOD) \
    X(BINARY_SUBSCR) X(STORE_SUBSCR) X(DELETE_SUBSCR) X(BUILD_SLICE) \
    X(BINARY_OP) X(UNARY_NEGATIVE) X(UNARY_POSITIVE) X(UNARY_NOT) X(UNARY_INVERT) \
    X(COMPARE_OP) X(IS_OP) X(CONTAINS_OP) \
    X(JUMP) X(JUMP_BACK) X(POP_JUMP_IF_FALSE) X(POP_JUMP_IF_TRUE) \
    X(JUMP_IF_FALSE_OR_POP) X(JUMP_IF_TRUE_OR_POP) X(POP_JUMP_IF_NONE) \
    X(POP_JUMP_IF_NOT_NONE) \
    X(GET_ITER) X(FOR_ITER) \
    X(BUILD_TUPLE) X(BUILD_LIST) X(BUILD_SET) X(BUILD_MAP) X(LIST_APPEND) X(SET_ADD) \
    X(MAP_ADD) X(LIST_EXTEND) X(SET_UPDATE) X(DICT_UPDATE) X(DICT_MERGE) \
    X(LIST_TO_TUPLE) X(UNPACK_SEQUENCE) X(UNPACK_EX) \
    X(CALL) X(CALL_KW) X(CALL_FUNCTION_EX) X(MAKE_FUNCTION) X(RETURN_VALUE) \
    X(LOAD_BUILD_CLASS) X(IMPORT_NAME) X(IMPORT_FROM) X(IMPORT_STAR) \
    X(RAISE_VARARGS) X(RERAISE) X(PUSH_EXC_INFO) X(POP_EXCEPT) X(CHECK_EXC_MATCH) \
    X(BEFORE_WITH) X(WITH_EXCEPT_START) X(LOAD_ASSERTION_ERROR) \
    X(FORMAT_VALUE) X(BUILD_STRING) X(YIELD_VALUE) X(GET_YIELD_FROM_ITER) X(SEND) \
    X(SETUP_ANNOTATIONS) X(PRINT_EXPR) X(RETURN_CONST) \
    X(LOAD_GLOBAL_NULL) \
    X(MATCH_SEQUENCE) X(MATCH_MAPPING) X(GET_LEN) X(MATCH_KEYS) X(MATCH_CLASS) \
    X(COPY_DICT_WITHOUT_KEYS) \
    X(LOAD_FAST__LOAD_FAST) X(LOAD_FAST__LOAD_CONST) X(LOAD_CONST__LOAD_FAST) \
    X(STORE_FAST__LOAD_FAST) X(STORE_FAST__STORE_FAST)

enum OuOpcode {
#define OU_OP_ENUM_(n) OP_##n,
    OU_OPCODES(OU_OP_ENUM_)
#undef OU_OP_ENUM_
    OP_COUNT_
};

/* Superinstructions (OP1__OP2) are written over the first of two adjacent instructions
 * when the code object is assembled; the second stays in place (jumps may land on it and
 * it keeps its position): the pair runs with one dispatch, the second half reading the
 * following word itself, as CPython 3.11's LOAD_FAST__LOAD_FAST. */
#define OU_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define OU_OP(w) ((w) & 0xffu)
#define OU_ARG(w) ((w) >> 8)
#define OU_MAX_ARG ((1u << 24) - 1)

/* BINARY_OP arguments (as CPython 3.11's NB_*): the in-place forms follow the plain ones. */
enum {
    OU_NB_ADD, OU_NB_AND, OU_NB_FLOOR_DIVIDE, OU_NB_LSHIFT, OU_NB_MATRIX_MULTIPLY,
    OU_NB_MULTIPLY, OU_NB_REMAINDER, OU_NB_OR, OU_NB_POWER, OU_NB_RSHIFT, OU_NB_SUBTRACT,
    OU_NB_TRUE_DIVIDE, OU_NB_XOR, OU_NB_INPLACE_ADD
};
#define OU_NB_INPLACE(op) ((op) + OU_NB_INPLACE_ADD)

/* MAKE_FUNCTION flags (the values are popped in this order, closure first from the top). */
enum { OU_MF_DEFAULTS = 1, OU_MF_KWDEFAULTS = 2, OU_MF_ANNOTATIONS = 4, OU_MF_CLOSURE = 8 };
/* FORMAT_VALUE: conversion in the low 2 bits, 4: a spec is on the stack. */
enum { OU_FV_NONE = 0, OU_FV_STR = 1, OU_FV_REPR = 2, OU_FV_ASCII = 3, OU_FV_HAVE_SPEC = 4 };

#endif
