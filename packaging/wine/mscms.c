/* Stand-in for mscms.dll (colour management), for the Wine TEST prefix only.
 *
 * Qt's Windows platform plugin (qwindows.dll) reads the screen's colour profile with
 * OpenColorProfileW, GetColorProfileFromHandle and WcsCreateIccProfile; Wine 8 does not
 * implement WcsCreateIccProfile and aborts the whole program when it is called. Here the
 * screen has no colour profile (as on many office PCs), and Qt takes sRGB.
 *
 * NEVER shipped: packaging/build.py copies it into the throw-away Wine prefixes of the
 * build and the smoke test only, with the DLL override mscms=n (a real Windows 10 has
 * the real one). */
#include <windows.h>

HANDLE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation) {
    (void)profile; (void)access; (void)share; (void)creation;
    SetLastError(ERROR_FILE_NOT_FOUND);
    return NULL;
}
BOOL WINAPI CloseColorProfile(HANDLE profile) { (void)profile; return TRUE; }
BOOL WINAPI GetColorProfileFromHandle(HANDLE profile, BYTE *buffer, DWORD *size) {
    (void)profile; (void)buffer; (void)size;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}
HANDLE WINAPI WcsCreateIccProfile(HANDLE profile, DWORD options) {
    (void)profile; (void)options;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
