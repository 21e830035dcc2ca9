/* src/cli/cli.h — the parts of the `ouro` command. */
#ifndef OU_CLI_H
#define OU_CLI_H

#include <stdbool.h>

/* The interactive loop on stdin (repl.c): prompts sys.ps1 / sys.ps2, echo through
 * sys.displayhook, exceptions printed without leaving. Returns the exit status (0 at
 * end of input, SystemExit's code). banner: print the greeting first. */
int ou_repl_run(bool banner);

#endif
