#!/bin/sh
# Renders the transcripts in this directory: the bot's main screens as the sandbox's terminal
# shows them (adapter-telegram's SandboxScreensTest drives the real Telegram adapter through the
# sandbox's simulated Telegram and terminal chat). Run from the repository root.
set -e
./mvnw -q -B -pl adapter-telegram -am test -Dtest=SandboxScreensTest -Dsurefire.failIfNoSpecifiedTests=false -Dscreens.update=true
ls -l docs/screens/*.txt
