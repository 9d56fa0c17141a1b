"""What the machine is and how busy it was: the report's header."""
import os
import platform
import subprocess


def _run(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def describe():
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = _run("free", "-m").splitlines()
    total = memory[1].split()[1] + " MiB" if len(memory) > 1 else "unknown"
    swift = _run("swift", "--version").splitlines()
    return [("CPU", model), ("cores (nproc)", _run("nproc")), ("memory (free -m, total)", total),
            ("kernel", platform.release()), ("OS", _os_name()),
            ("Swift", swift[0] if swift else "unknown"), ("SQLite", _run("sqlite3", "--version").split(" ")[0] or "unknown"),
            ("libmicrohttpd", _run("dpkg-query", "-W", "-f=${Version}", "libmicrohttpd12t64") or
             _run("dpkg-query", "-W", "-f=${Version}", "libmicrohttpd12")),
            ("wrk", _run("dpkg-query", "-W", "-f=${Version}", "wrk"))]


def _os_name():
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.system()


def commit():
    here = os.path.dirname(os.path.abspath(__file__))
    return _run("git", "-C", here, "describe", "--always", "--dirty")
