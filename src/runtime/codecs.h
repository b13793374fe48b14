/*
 * codecs.h -- the text encodings str.encode, bytes.decode and str(b, enc) support: utf-8,
 * ascii and latin-1, with the error handlers strict, ignore, replace, backslashreplace,
 * surrogateescape and xmlcharrefreplace (encode only), and CPython's Unicode*Error messages.
 */
#ifndef TR_CODECS_H
#define TR_CODECS_H

#include "runtime/object.h"

/* NULL encoding/errors mean "utf-8"/"strict". Return a str / a bytes, or TR_ERR. */
TrValue tr_decode(const uint8_t *data, size_t n, const char *encoding, const char *errors);
TrValue tr_encode(TrValue str, const char *encoding, const char *errors);

#endif
