"""Pagefind is run as its own binary, with ``python -m pagefind`` only when the binary package is missing."""

from __future__ import annotations

import os
import subprocess
import sys

from trialblog.render.search import pagefind_command


def test_pagefind_runs_without_a_python_in_front_of_it(tmp_path):
    command = pagefind_command(tmp_path)
    assert command[0] != sys.executable and os.access(command[0], os.X_OK)
    assert command[1:3] == ["--site", str(tmp_path)]
    version = subprocess.run([command[0], "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("pagefind ")


def test_without_the_binary_package_pythons_launcher_runs_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)  # importing it raises ImportError
    assert pagefind_command(tmp_path)[:3] == [sys.executable, "-m", "pagefind"]
