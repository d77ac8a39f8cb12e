/* Wine 8 lacks bcryptprimitives.dll, which Rust-built extensions (python-calamine) import
 * for ProcessPrng. This stand-in is built into the check's Wine prefix only; it is never
 * shipped: real Windows 10 and 11 have the system's own. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
