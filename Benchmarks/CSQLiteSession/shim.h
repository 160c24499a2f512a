// SQLite's session extension from the system library (DESIGN §7's native ceiling).
// The declarations are compiled in only when these are defined before <sqlite3.h>.
#ifndef SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_SESSION 1
#endif
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif
#include <sqlite3.h>
