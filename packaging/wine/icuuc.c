/* Stand-in for Windows 10's system ICU (icuuc.dll), for the Wine TEST prefix only.
 *
 * Qt 6's Qt6Core.dll imports 20 ucnv_* functions from the icuuc.dll that Windows 10 and
 * later ship; Wine 8 has no such DLL, so Qt refuses to load at all. Qt uses ICU's
 * converters only for legacy code pages; hbt-desktop reads and writes UTF-8 (and the
 * Vietnamese legacy encodings in Python), so every converter here "cannot be opened" and
 * Qt falls back to its own UTF-8/UTF-16/Latin-1 code.
 *
 * NEVER shipped: packaging/build.py copies it into the throw-away Wine prefixes of the
 * build and the smoke test, not into dist/ or the installer (a real Windows 10 has the
 * real one). */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
typedef uint16_t UChar;
typedef int8_t UBool;
#define U_UNSUPPORTED_ERROR 16

static void fail(UErrorCode *status) {
    if (status != NULL && *status <= 0) *status = U_UNSUPPORTED_ERROR;
}

void *ucnv_open(const char *name, UErrorCode *status) { (void)name; fail(status); return NULL; }
void ucnv_close(void *cnv) { (void)cnv; }
void ucnv_reset(void *cnv) { (void)cnv; }
int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
const char *ucnv_getName(const void *cnv, UErrorCode *status) { (void)cnv; fail(status); return NULL; }
const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *status) {
    (void)name; (void)standard; fail(status); return NULL;
}
int32_t ucnv_countAvailable(void) { return 0; }
const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
void ucnv_getToUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL;
}
void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL;
}
void ucnv_setToUCallBack(void *cnv, void *action, const void *context, void **old_action,
                         const void **old_context, UErrorCode *status) {
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; fail(status);
}
void ucnv_setFromUCallBack(void *cnv, void *action, const void *context, void **old_action,
                           const void **old_context, UErrorCode *status) {
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; fail(status);
}
void ucnv_toUnicode(void *cnv, UChar **target, const UChar *target_limit, const char **source,
                    const char *source_limit, int32_t *offsets, UBool flush, UErrorCode *status) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush; fail(status);
}
void ucnv_fromUnicode(void *cnv, char **target, const char *target_limit, const UChar **source,
                      const UChar *source_limit, int32_t *offsets, UBool flush, UErrorCode *status) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush; fail(status);
}
int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *status) { (void)cnv; fail(status); return 0; }
int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *status) { (void)cnv; fail(status); return 0; }
void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset,
                           UErrorCode *status) {
    (void)args; (void)source; (void)length; (void)offset; fail(status);
}
void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit,
                             int32_t offset, UErrorCode *status) {
    (void)args; (void)source; (void)source_limit; (void)offset; fail(status);
}
void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *code_units,
                                     int32_t length, int32_t code_point, int reason,
                                     UErrorCode *err) {
    (void)context; (void)args; (void)code_units; (void)length; (void)code_point; (void)reason;
    fail(err);
}
void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *code_units,
                                   int32_t length, int reason, UErrorCode *err) {
    (void)context; (void)args; (void)code_units; (void)length; (void)reason; fail(err);
}
