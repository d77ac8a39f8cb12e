/* Wine 8 lacks the ICU library of Windows 10 and 11 (icuuc.dll), which Qt6Core.dll imports
 * for its legacy text converters only. This stand-in offers no converter at all, so QtCore
 * loads under Wine and PyInstaller can ask Qt where its plugins are. It is built into the
 * check's Wine prefix only and never shipped: Windows has the real one. */
#include <stdint.h>
#include <stddef.h>

#define U_FILE_ACCESS_ERROR 4
#define EXPORT __declspec(dllexport)

EXPORT void *ucnv_open(const char *name, int *error) { (void)name; *error = U_FILE_ACCESS_ERROR; return NULL; }
EXPORT void ucnv_close(void *converter) { (void)converter; }
EXPORT void ucnv_reset(void *converter) { (void)converter; }
EXPORT int8_t ucnv_getMaxCharSize(const void *converter) { (void)converter; return 1; }
EXPORT const char *ucnv_getName(const void *converter, int *error) { (void)converter; *error = U_FILE_ACCESS_ERROR; return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, int *error) { (void)name; (void)standard; (void)error; return NULL; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT int32_t ucnv_toUCountPending(const void *converter, int *error) { (void)converter; (void)error; return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *converter, int *error) { (void)converter; (void)error; return 0; }
/* never reached without a converter; present because Qt6Core.dll imports them */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void ucnv_getToUCallBack(void) {}
EXPORT void ucnv_getFromUCallBack(void) {}
EXPORT void ucnv_setToUCallBack(void) {}
EXPORT void ucnv_setFromUCallBack(void) {}
EXPORT void ucnv_cbToUWriteUChars(void) {}
EXPORT void ucnv_cbFromUWriteUChars(void) {}
EXPORT void ucnv_toUnicode(void) {}
EXPORT void ucnv_fromUnicode(void) {}
