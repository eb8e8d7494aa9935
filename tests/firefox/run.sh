#!/usr/bin/env bash
# npm run test:firefox: the Firefox suite (vitest.firefox.config.ts), always at the real clock.
#
# Under `faketime` (libfaketime in LD_PRELOAD) Firefox ESR never starts: its allocator's first call
# reads the clock, libfaketime initialises there, and its failing dlsym("__ftime") allocates on the
# lock the allocator holds. datefudge, Debian's other clock shifter, is no way out: with the clock moved
# forward, NSPR's PR_Sleep waits for a CLOCK_REALTIME deadline computed from the shifted time, i.e. for
# the whole shift (seen on Firefox's QuotaManager IO thread while the add-on installed). So this suite,
# Node and Firefox alike, leaves libfaketime out and runs at the real now, in the TZ it is given; every
# time in its tests derives from that now. The Chromium suite is the one that runs at faketime's instant.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ "${LD_PRELOAD:-}" == *libfaketime* ]]; then
  # ld.so separates LD_PRELOAD entries by spaces or colons.
  IFS=': ' read -r -a preload <<<"$LD_PRELOAD"
  kept=()
  for lib in "${preload[@]}"; do [[ "$lib" == *libfaketime* ]] || kept+=("$lib"); done
  if [ ${#kept[@]} -gt 0 ]; then LD_PRELOAD="${kept[*]}"; export LD_PRELOAD; else unset LD_PRELOAD; fi
  unset FAKETIME FAKETIME_SHARED
  printf '\033[1m[caseradar]\033[0m %s\n' "Firefox suite: libfaketime left out (Firefox ESR hangs under it); running at the real clock, TZ=${TZ:-(system)}" >&2
fi
exec node_modules/.bin/vitest run -c vitest.firefox.config.ts "$@"
