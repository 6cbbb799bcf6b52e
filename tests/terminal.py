"""What a terminal shows of a command's output: for the progress tests."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys


class FakeTerminal(io.StringIO):
    """A stream that says it is a terminal, as a command's stderr is when run by hand."""

    def isatty(self) -> bool:
        return True


def screen(written: str) -> list[str]:
    """The lines a terminal shows once ``written`` is printed: ``\\r`` goes back to the start of the
    line, and what follows overwrites what was there."""
    lines: list[str] = []
    for raw in written.replace("\r\n", "\n").split("\n"):
        line: list[str] = []
        column = 0
        for char in raw:
            if char == "\r":
                column = 0
                continue
            if column < len(line):
                line[column] = char
            else:
                line.append(char)
            column += 1
        lines.append("".join(line).rstrip())
    return lines


def on_a_terminal(*args: str) -> tuple[int, str, str]:
    """``trialblog ARGS`` with its stderr on a pseudo-terminal: the exit status, stdout, and
    everything the terminal received."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "trialblog.cli", *args], stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    received = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the command has ended and closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(leader)
    stdout = proc.stdout.read() if proc.stdout else b""
    return proc.wait(), stdout.decode(), received.decode()
