/*
 * format.h -- text formatting shared by every type: the format() mini-language
 * ([[fill]align][sign][z][#][0][width][grouping][.precision][type]), str.format with its
 * field syntax, and printf-style '%' formatting for str and bytes.
 */
#ifndef TR_FORMAT_H
#define TR_FORMAT_H

#include "runtime/object.h"

typedef struct TrFormatSpec {
    uint32_t fill;
    char align;    /* '<' '>' '^' '=' or 0 */
    char sign;     /* '+' '-' ' ' or 0 */
    bool alt, zero, no_neg_zero;
    int64_t width; /* -1 if absent */
    char grouping; /* ',' '_' or 0 */
    int64_t prec;  /* -1 if absent */
    char type;     /* 0 if absent */
} TrFormatSpec;

/* Parses spec (a str); raises ValueError("Invalid format specifier...") on error. A '0'
   before the width with no explicit fill sets fill '0' and zero (numbers then default to '='
   alignment); align stays 0 when not given. */
int tr_format_spec_parse(TrValue spec, TrFormatSpec *out);
/* The same, knowing the formatted object: default_type is 'd' for int, 's' for str, 0 for
   float (it decides whether ',' is allowed), type_name goes into error messages. */
int tr_format_spec_parse_for(TrValue spec, TrFormatSpec *out, char default_type,
                             const char *type_name);
TrValue tr_format_int(TrValue v, const TrFormatSpec *spec);
TrValue tr_format_float(double d, const TrFormatSpec *spec);
TrValue tr_format_str(TrValue s, const TrFormatSpec *spec);
/* Pads already formatted text (a str) per width/align/fill. */
TrValue tr_format_pad(TrValue s, const TrFormatSpec *spec, char default_align);

/* Whole __format__ implementations: format(v, spec) for int (and bool), float, str, with
   CPython's messages naming the type ("Invalid format specifier 'x' for object of type 'int'"). */
TrValue tr_int_format_spec(TrValue v, TrValue spec);
TrValue tr_float_format_spec(double d, TrValue spec);
TrValue tr_str_format_spec(TrValue s, TrValue spec);

TrValue tr_str_format(TrValue fmt, const TrValue *args, size_t nargs, TrValue kwnames);
TrValue tr_str_format_map(TrValue fmt, TrValue mapping);
TrValue tr_str_percent(TrValue fmt, TrValue args); /* fmt % args */
TrValue tr_bytes_percent(TrValue fmt, TrValue args);

#endif
