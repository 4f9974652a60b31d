#!/usr/bin/env python3
"""The layout checks (-l c-checks) compile against headers other than
xenidl's: against a stand-in of Xen's headers built from the facts of
tests/data/xen-layouts.tsv (the size, alignment and offset of every struct,
union and member Xen's headers declare, not their text). For each header of
HEADERS and each ABI, a facts header declares every struct and union as
byte arrays at the measured offsets; the committed checks
(generated/checks/NAME_checks.c) must compile against it, with clang
--target, as C89 (the typedef form of the assertions) and C11
(_Static_assert). A facts header with one offset moved must not compile:
the checks are live.

    c-checks-facts.py SRCDIR
"""
import os
import subprocess
import sys
import tempfile

# Headers whose checks the facts cover entirely. Left out, until xenidl
# describes them as Xen does (tests/data/c-fidelity-known.tsv): arch-arm.h
# and xen.h (anonymous members), sysctl.h (members missing).
HEADERS = ["arch-ppc.h", "arch-riscv.h", "callback.h", "domctl.h", "event_channel.h",
           "grant_table.h", "memory.h", "nmi.h", "physdev.h", "platform.h", "sched.h",
           "vcpu.h", "version.h"]
TARGETS = {
    "x86_32": "i386-linux-gnu", "x86_64": "x86_64-linux-gnu",
    "arm32": "armv7a-linux-gnueabihf", "arm64": "aarch64-linux-gnu",
    "riscv64": "riscv64-linux-gnu", "ppc64le": "powerpc64le-linux-gnu",
}
# The configuration the facts were measured in: the toolstack's, at the
# latest interface version.
CONFIG = ["-D__XEN_TOOLS__", "-D__XEN_INTERFACE_VERSION__=0x00041300"]
# The headers whose types a header gets through its includes in Xen, where
# the checks of its file also check them: domctl.h's x86 part embeds
# struct hvm_vmce_vcpu, which Xen declares in arch-x86/hvm/save.h.
ALSO = {"domctl.h": ["arch-x86/hvm/save.h"]}


def read_facts(path):
    """{(header, abi): {type: {"size", "align", "members": [(path, size, align, offset)]}}}"""
    facts = {}
    with open(path) as f:
        for line in f:
            if line.startswith("#") or line.startswith("header\t"):
                continue
            header, typ, member, abi, size, align, offset = line.rstrip("\n").split("\t")
            if not (typ.startswith("struct ") or typ.startswith("union ")):
                continue
            t = facts.setdefault((header, abi), {}).setdefault(typ, {"members": []})
            if member:
                t["members"].append((member, int(size), int(align), int(offset)))
            else:
                t["size"], t["align"] = int(size), int(align)
    return facts


def body(members, size, align, is_union, out, indent, shift=None):
    """The members of an aggregate of `size` bytes: byte arrays at their
    offsets (relative to the aggregate), inline aggregates nested."""
    top = [m for m in members if "." not in m[0]]
    if not is_union:
        # Members of an anonymous union share an offset: keep the largest
        # (the first of equals), which is the one a compiler without
        # anonymous unions sees, and so the one the checks name.
        kept = {}
        for m in top:
            if m[3] not in kept or m[1] > kept[m[3]][1]:
                kept[m[3]] = m
        top = list(kept.values())
    pad = 0
    cursor = 0
    pad_name = lambda: "xenidl_facts_pad%d" % pad
    for name, msize, malign, moff in sorted(top, key=lambda m: m[3]):
        if shift and name == shift[0]:
            moff += shift[1]
        children = [(p[len(name) + 1:], s, a, o - moff) for p, s, a, o in members
                    if p.startswith(name + ".")]
        if not is_union and moff > cursor:
            out.append("%sunsigned char %s[%d];" % (indent, pad_name(), moff - cursor))
            pad += 1
        if children:
            union = len(children) > 1 and all(c[3] == 0 for c in children if "." not in c[0])
            out.append("%s%s {" % (indent, "union" if union else "struct"))
            body(children, msize, malign, union, out, indent + "    ")
            out.append("%s} __attribute__((aligned(%d))) %s;" % (indent, malign, name))
        else:
            # (size 0: a flexible array member, as a GNU zero-length array)
            out.append("%sunsigned char %s[%d] __attribute__((aligned(%d)));"
                       % (indent, name, msize, malign))
        cursor = max(cursor, moff + msize) if not is_union else cursor
    if is_union:
        out.append("%sunsigned char xenidl_facts_size[%d];" % (indent, size))
    elif size > cursor:
        out.append("%sunsigned char %s[%d];" % (indent, pad_name(), size - cursor))


def facts_header(types, shift=None):
    out = ["/* Stand-in of a Xen header, from tests/data/xen-layouts.tsv. */"]
    for typ in sorted(types):
        t = types[typ]
        kind = typ.split()[0]
        out.append("%s %s {" % (kind, typ.split()[1]))
        body(t["members"], t["size"], t["align"], kind == "union", out, "    ",
             shift if shift and shift[2] == typ else None)
        out.append("} __attribute__((aligned(%d)));" % t["align"])
    return "\n".join(out) + "\n"


def compile_checks(clang, target, std, srcdir, incdir, checks):
    cmd = [clang, "--target=" + target, "-std=" + std, "-ffreestanding", "-fsyntax-only",
           "-Wall", "-Werror", "-Wno-gnu-alignof-expression", "-iquote", incdir,
           "-I", os.path.join(srcdir, "runtime", "include")] + CONFIG + [checks]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return r.returncode == 0, " ".join(cmd) + "\n" + r.stdout[:2000]


def main():
    srcdir = sys.argv[1]
    clang = os.environ.get("CLANG", "clang")
    facts = read_facts(os.path.join(srcdir, "tests", "data", "xen-layouts.tsv"))
    failures = runs = 0
    with tempfile.TemporaryDirectory(prefix="xenidl-checks-facts.") as tmp:
        for header in HEADERS:
            checks = os.path.join(srcdir, "generated", "checks", header[:-2] + "_checks.c")
            if not os.path.exists(checks):
                print("FAIL: %s: no %s" % (header, checks))
                failures += 1
                continue
            for abi, target in TARGETS.items():
                types = facts.get((header, abi))
                if not types:
                    continue
                own = types
                types = dict(types)
                for other in ALSO.get(header, []):
                    types.update(facts.get((other, abi), {}))
                inc = os.path.join(tmp, abi)
                os.makedirs(inc, exist_ok=True)
                with open(os.path.join(inc, header), "w") as f:
                    f.write(facts_header(types))
                for std in ("c89", "c11"):
                    runs += 1
                    ok, log = compile_checks(clang, target, std, srcdir, inc, checks)
                    if not ok:
                        failures += 1
                        print("FAIL: %s on %s, %s: the checks refuse the facts\n%s"
                              % (header, abi, std, log))
                # One member moved by its alignment: the checks must refuse it.
                typ = next((t for t in sorted(own) if own[t]["members"]), None)
                if typ:
                    first = min(types[typ]["members"], key=lambda m: m[3])
                    with open(os.path.join(inc, header), "w") as f:
                        f.write(facts_header(types, (first[0], max(first[2], 1), typ)))
                    runs += 1
                    ok, _ = compile_checks(clang, target, "c11", srcdir, inc, checks)
                    if ok:
                        failures += 1
                        print("FAIL: %s on %s: %s.%s moved, and the checks still compile"
                              % (header, abi, typ, first[0]))
    print("c-checks-facts: %d compilations, %d failed" % (runs, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
