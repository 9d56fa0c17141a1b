#!/usr/bin/env python3
"""Times one Parallel StatefulSet from create to all Ready (release build, zero simulated delay) and reports the
CPU seconds each process spent; with --perf it records both processes with `perf record -g` for `perf report`.

    python3 bench/profile_statefulsets.py [--replicas 1000] [--perf] [-- --statefulset-create-burst 1]

Arguments after `--` go to ordinal-controller-manager.
"""
import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ordinal_bench.cases import SETS, statefulset, wait_sets_ready  # noqa: E402
from ordinal_bench.processes import APIServer, ControllerManager, request  # noqa: E402


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--replicas", type=int, default=1000)
    parser.add_argument("--perf", action="store_true", help="record perf-apiserver.data and perf-controller-manager.data")
    parser.add_argument("--bin", default=None, help="binaries folder (default: the release build)")
    parser.add_argument("manager_args", nargs="*")
    options = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bin_dir = options.bin or subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root,
                                            check=True, capture_output=True, text=True).stdout.strip()
    with APIServer(bin_dir) as server:
        server.start()
        manager = ControllerManager(bin_dir, server.url, options.manager_args)
        recorders = []
        try:
            time.sleep(0.5)
            if options.perf:
                for name, pid in (("apiserver", server.pid), ("controller-manager", manager.pid)):
                    recorders.append(subprocess.Popen(["perf", "record", "-e", "cpu-clock", "-F", "999", "-g", "-o", f"perf-{name}.data",
                                                       "-p", str(pid)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
                time.sleep(0.5)
            before = cpu_seconds(server.pid), cpu_seconds(manager.pid)
            began = time.monotonic()
            request(server.url + SETS, "POST", statefulset("p", options.replicas, "Parallel"))
            wait_sets_ready(server.url, {"p": options.replicas})
            elapsed = time.monotonic() - began
            after = cpu_seconds(server.pid), cpu_seconds(manager.pid)
            print(f"{options.replicas} pods Ready in {elapsed:.2f} s ({options.replicas / elapsed:.0f} pods/s); CPU: "
                  f"apiserver {after[0] - before[0]:.2f} s, controller manager {after[1] - before[1]:.2f} s; "
                  f"load average {open('/proc/loadavg').read().split()[0]}")
        finally:
            for recorder in recorders:
                recorder.send_signal(2)
                recorder.wait()
            manager.stop()


if __name__ == "__main__":
    main()
