/* Stand-in for Windows 10's bcryptprimitives.dll ProcessPrng, for the Wine TEST prefix only.
 *
 * cryptography's Rust extension (_rust.pyd, through Rust's standard library) imports
 * ProcessPrng, which Windows 10 and later export and Wine 8 does not, so the extension
 * (Ed25519 signatures of the ward packages) does not load. Here it is answered by
 * BCryptGenRandom with the system RNG, which Wine has: the same source Windows uses.
 *
 * NEVER shipped: packaging/build.py copies it into the throw-away Wine prefixes of the
 * build and the smoke test only. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
