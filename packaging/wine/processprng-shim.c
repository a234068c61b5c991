/* FOR TESTING UNDER WINE ONLY — never shipped.
 *
 * Rust 1.78 and later import ProcessPrng from bcryptprimitives.dll, which Windows 10 and 11 have
 * and Wine 8.0 (Debian 12) lacks: the program then exits at once with code 53. This stand-in
 * exports ProcessPrng and forwards to advapi32's SystemFunction036 (RtlGenRandom), so that the
 * Windows build can be smoke-tested under Wine. packaging/wine-smoke.sh builds it with mingw and
 * copies it into a throw-away Wine prefix. */
#include <windows.h>

typedef BOOLEAN(WINAPI *RtlGenRandomFn)(PVOID, ULONG);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  static RtlGenRandomFn gen;
  if (!gen) {
    HMODULE advapi = LoadLibraryA("advapi32.dll");
    if (!advapi) return FALSE;
    gen = (RtlGenRandomFn)GetProcAddress(advapi, "SystemFunction036");
    if (!gen) return FALSE;
  }
  while (len > 0) {
    ULONG chunk = len > 0x7fffffff ? 0x7fffffff : (ULONG)len;
    if (!gen(data, chunk)) return FALSE;
    data += chunk;
    len -= chunk;
  }
  return TRUE;
}
