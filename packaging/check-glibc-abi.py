#!/usr/bin/env python3
"""AsperaNative release check: does an executable load and bind on glibc 2.17?

Compares every versioned dynamic symbol of the executable with the glibc 2.17 ABI of its architecture
(glibc/2.17-<arch>.abi) the way glibc 2.17's loader binds it: libraries are searched in DT_NEEDED order and
a symbol must be found, with its version, before the library that its version-needs entry names (2.17's
loader stops there), e.g. pthread_create@GLIBC_2.2.5 taken from libc.so.6 at link time lives in
libpthread.so.0 on 2.17, so libpthread.so.0 must come first. Every needed library must be part of glibc
and every needed version must exist in it. Prints one line per problem and exits 1, or a summary.
Usage: check-glibc-abi.py EXECUTABLE [ABI-FILE]   (readelf reads any architecture)
"""
import os
import re
import subprocess
import sys


def readelf(*args):
    return subprocess.run(["readelf", "-W", *args], check=True, capture_output=True, text=True).stdout


def version_key(v):
    return tuple(int(x) for x in re.findall(r"\d+", v))


def main():
    exe = sys.argv[1]
    header = readelf("-h", exe)
    arch = "aarch64" if "AArch64" in header else "x86_64" if "X86-64" in header else None
    if arch is None:
        sys.exit(f"ERROR: {exe}: not an x86_64 or aarch64 ELF file")
    abi_file = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "glibc", f"2.17-{arch}.abi")
    abi = {}  # soname -> set of (symbol, version)
    for line in open(abi_file):
        if line.startswith("#") or not line.strip():
            continue
        so, sym, ver = line.split()
        abi.setdefault(so, set()).add((sym, ver))
    versions_of = {so: {v for _, v in entries} for so, entries in abi.items()}

    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", readelf("-d", exe))
    # version index -> file named by the version-needs entry
    index_file, current = {}, None
    needs = []
    for line in readelf("-V", exe).splitlines():
        m = re.search(r"File: (\S+)\s+Cnt:", line)
        if m:
            current = m.group(1)
            continue
        m = re.search(r"Name: (\S+)\s+Flags: \S+\s+Version: (\d+)", line)
        if m and current:
            index_file[int(m.group(2))] = current
            needs.append((current, m.group(1)))

    problems = []
    for so in needed:
        if so not in abi:
            problems.append(f"needs {so}, which is not a glibc 2.17 library")
    for so, ver in needs:
        if so in abi and ver not in versions_of[so]:
            problems.append(f"needs version {ver} of {so}, which glibc 2.17 does not define")

    count, highest = 0, "GLIBC_2.0"
    for line in readelf("--dyn-syms", exe).splitlines():
        m = re.match(r"\s*\d+: [0-9a-f]+\s+\d+\s+\S+\s+(\S+)\s+\S+\s+UND ([^@\s]+)@([^\s(]+)(?: \((\d+)\))?", line)
        if not m:
            continue
        bind, sym, ver, index = m.groups()
        if not ver.startswith("GLIBC_"):
            problems.append(f"{sym}@{ver}: not a glibc version")
            continue
        count += 1
        if ver != "GLIBC_PRIVATE" and version_key(ver) > version_key(highest):
            highest = ver
        linked_from = index_file.get(int(index)) if index else None
        found = None
        for so in needed:
            if (sym, ver) in abi.get(so, ()):
                found = so
                break
            if so == linked_from:
                break
        if found is None:
            where = [so for so, entries in abi.items() if (sym, ver) in entries]
            detail = f"glibc 2.17 has it in {', '.join(where)}, which must come before {linked_from} in DT_NEEDED" if where else "glibc 2.17 does not have it"
            problems.append(f"{sym}@{ver} ({'weak' if bind == 'WEAK' else 'strong'}, linked from {linked_from}): {detail}")

    for p in problems:
        print(f"ERROR: {exe}: {p}")
    if problems:
        return 1
    print(f"glibc 2.17 ABI check of {exe} ({arch}): {count} versioned symbols bind, highest {highest}; needs {' '.join(needed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
