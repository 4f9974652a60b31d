#!/usr/bin/env python3
"""Proof 3 of issue 13, as far as it can be made today: programs built from
the facts of Xen's headers compile with the generated ones, included in any
order.

    tests/c-any-order.py SRCDIR

For each configuration (guest: no definitions; tools: __XEN_TOOLS__) and
x86 ABI (gcc -m32, -m64), the program includes <stdint.h> (as Xen's own
header checks do), then the generated headers that stand for the Xen
headers compiling alone in that configuration, in five orders (forward,
where xen.h comes last; reverse, where it comes first; three seeded
shuffles), and uses every type (sizeof), integer macro, enumerator and
sampled function-like macro that tests/data lists for the described
headers there, as array bounds (constant expressions). Each order is
compiled once, in one of C89 (-ansi), C99 and C++98 (-Wall -Werror, as
Xen's headers.chk, headers99.chk and headers++.chk), rotating so that each
configuration and ABI sees every language: 20 compilations.

A name the generated headers do not define (or define as another kind)
is left out: tests/c-fidelity.sh lists those differences. A compilation
that fails is a difference (category compile) of
tests/data/c-fidelity-known.tsv, named by its language, ABI,
configuration and order, with the files the errors are in; the test fails
on a failure not listed and on a listed one that no longer fails.
XENIDL_REGEN=1 rewrites those lines. Without gcc -m32 (multilib), the -m32
programs are skipped with a message.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

# No __pycache__ in the source tree (read-only in make distcheck).
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import c_facts  # noqa: E402

CONFIGS = [("guest", []), ("tools", ["-D__XEN_TOOLS__"])]
ARCHES = [("x86_32", "-m32"), ("x86_64", "-m64")]
LANGUAGES = [("c89", ["-x", "c", "-ansi"]), ("c99", ["-x", "c", "-std=c99"]),
             ("c++98", ["-x", "c++", "-std=c++98"])]
WARNINGS = ["-Wall", "-Werror"]
SHUFFLE_SEEDS = [1, 2, 3]


def shuffled(items, seed):
    """A permutation that depends on the seed only (a 32-bit xorshift), so
    that every machine and Python compiles the same orders."""
    out = list(items)
    state = seed * 2654435761 % (1 << 32) or 1
    for i in range(len(out) - 1, 0, -1):
        state ^= (state << 13) & 0xFFFFFFFF
        state ^= state >> 17
        state ^= (state << 5) & 0xFFFFFFFF
        j = state % (i + 1)
        out[i], out[j] = out[j], out[i]
    return out


def orders(files):
    out = [("forward", list(files)), ("reverse", list(reversed(files)))]
    for seed in SHUFFLE_SEEDS:
        out.append(("shuffle%d" % seed, shuffled(files, seed)))
    return out


class AnyOrder:
    def __init__(self, srcdir, work, cc):
        self.srcdir = srcdir
        self.work = work
        self.cc = cc
        self.xf = c_facts.load_xen_facts(srcdir)
        self.xen = c_facts.XenFacts(self.xf, os.path.join(srcdir, "tests", "data"))
        self.inc = os.path.join(srcdir, "generated", "include")
        self.tree = c_facts.GeneratedTree(self.inc, self.xen.headers)
        self.gen = c_facts.GeneratedFacts(self.xf, self.xen, self.tree, os.path.join(work, "facts"),
                                          abis=[a for a, _ in ARCHES], configs=[c for c, _ in CONFIGS])
        self.described = set(self.xen.described) | {u for u in self.tree.units if u in self.xen.headers}
        self.left_out = set()

    def headers(self, config, abi):
        """The Xen headers a program includes: those a generated header
        stands for that compile alone (nothing needed first) there."""
        out = []
        for unit in self.tree.units:
            st = self.xen.status.get((unit, config, abi))
            if st and st[0] == "ok" and st[1] == "-":
                out.append(unit)
        return out

    def uses(self, config, abi, headers):
        """Expressions for every type and integer name the facts list for the
        described headers, that the generated headers define alike."""
        xen = self.xen
        m = self.gen.measured[(abi, config)]
        comp = {h for h in self.described if xen.compiles(h, config, abi)}
        exprs = []

        def gen_kinds(ns, name):
            return {k for _, k in m.names.get((ns, name), ())}

        def defined(header, kind, name):
            for h, k, per in xen.names.get((c_facts.namespace(kind), name), ()):
                if h == header and k == kind and abi in per.get(config, ()):
                    return True
            return False

        integer_macros = {n for (_, n) in xen.constants} | {n for (_, n, _) in xen.constants_configs}
        object_typedefs = set()
        for (kind, typ, member), per in xen.spelling.items():
            if kind == "typedef" and abi in per:
                canonical = per[abi][2]
                if canonical != "void" and "(" not in canonical:
                    object_typedefs.add(typ)
        for (ns, name), rows in sorted(xen.names.items()):
            for header, kind, per in rows:
                if header not in comp or abi not in per.get(config, ()):
                    continue
                if kind in ("struct", "union"):
                    if kind in gen_kinds("tag", name):
                        exprs.append(("sizeof(%s %s)" % (kind, name), name))
                    else:
                        self.left_out.add((kind, name))
                elif kind == "typedef" and name in object_typedefs:
                    if "typedef" in gen_kinds("ordinary", name):
                        exprs.append(("sizeof(%s)" % name, name))
                    else:
                        self.left_out.add((kind, name))
                elif (kind == "macro" and name in integer_macros) or kind == "enumerator":
                    if gen_kinds("ordinary", name) & {"macro", "enumerator"}:
                        exprs.append(("(%s)" % name, name))
                    else:
                        self.left_out.add((kind, name))
        for (header, name, args), per in sorted(xen.fnmacros.items()):
            arity = str(len(args.split(", "))) if args else "0"
            if header not in comp or abi not in per or not defined(header, "function-macro(%s)" % arity, name):
                continue
            if "function-macro(%s)" % arity in gen_kinds("ordinary", name):
                exprs.append(("(%s(%s))" % (name, args), name))
            else:
                self.left_out.add(("function-macro", name))
        return exprs

    def nested_tags(self):
        """The struct and union tags Xen declares in a member's declaration
        (`struct gnttab_copy_ptr { ... } source;`): a member spelled `struct
        X` whose own members the spelling table lists under its path. C++
        scopes such a tag in the enclosing type, so a C++ program cannot
        name it alone (with Xen's headers either)."""
        paths = {(typ, member) for (kind, typ, member) in self.xen.spelling if kind == "member"}
        prefixes = {(typ, member.rsplit(".", 1)[0]) for (typ, member) in paths if "." in member}
        out = set()
        for (kind, typ, member), per in self.xen.spelling.items():
            if kind != "member" or (typ, member) not in prefixes:
                continue
            for _, spelling, _, _ in per.values():
                m = re.match(r"^(?:struct|union) (\w+)$", spelling)
                if m:
                    out.add(m.group(1))
        return out

    def program(self, files, exprs):
        lines = ["#include <stdint.h>"]
        lines += ['#include "%s"' % self.tree.root[f] for f in files]
        first_use = len(lines) + 1
        # An array bound is a constant expression in C89 and C++98 alike;
        # 1 + 0 * E is 1 whatever E's value and type.
        lines += ["typedef char xenidl_use_%d[1 + 0 * %s];" % (i, e) for i, (e, _) in enumerate(exprs)]
        return "\n".join(lines) + "\n", first_use

    def compile(self, case, text, first_use, exprs, flags):
        path = os.path.join(self.work, re.sub(r"[^\w.+-]", "_", case) + ".c")
        with open(path, "w") as f:
            f.write(text)
        # -iquote, not -I: the headers include each other with "", and
        # features.h would take the place of the C library's <features.h>
        # (which <stdint.h> includes).
        cmd = self.cc + flags + WARNINGS + ["-fsyntax-only", "-iquote", self.inc, path]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode == 0:
            return None
        places = set()
        names = set()
        for line in p.stderr.splitlines():
            m = re.match(r"^(.*?):(\d+):\d+: (?:fatal )?error: ", line)
            if not m:
                continue
            if os.path.realpath(m.group(1)) == os.path.realpath(path):
                n = int(m.group(2)) - first_use
                if 0 <= n < len(exprs):
                    names.add(exprs[n][1])
                else:
                    places.add("the program")
                continue
            rel = self.tree.rel(m.group(1))
            places.add(rel if rel else os.path.basename(m.group(1)))
        if not places and not names:
            places.add("no error line: " + p.stderr.strip().splitlines()[-1][:200] if p.stderr.strip() else "no output")
        detail = []
        if places:
            detail.append("errors in " + ",".join(sorted(places)))
        if names:
            detail.append("uses of " + ",".join(sorted(names)))
        return "; ".join(detail)

    def run(self):
        self.gen.measure()
        lines = []
        compiled = 0
        skipped = []
        stats = []
        nested = self.nested_tags()
        for k, ((config, defines), (abi, mflag)) in enumerate(
                [(c, a) for c in CONFIGS for a in ARCHES]):
            if not self.works(mflag):
                skipped.append("%s %s" % (mflag, config))
                continue
            headers = self.headers(config, abi)
            exprs = self.uses(config, abi, headers)
            stats.append("%s %s: %d headers, %d uses" % (config, mflag, len(headers), len(exprs)))
            for i, (order_name, files) in enumerate(orders(headers)):
                lang, lang_flags = LANGUAGES[(i + k) % len(LANGUAGES)]
                used = exprs
                if lang.startswith("c++"):
                    used = [(e, n) for (e, n) in exprs
                            if not (e.startswith("sizeof(") and n in nested)]
                text, first_use = self.program(files, used)
                case = "%s %s %s %s" % (lang, mflag, config, order_name)
                failure = self.compile(case, text, first_use, used, [mflag] + lang_flags + defines)
                compiled += 1
                if failure:
                    lines.append("\t".join(["compile", "-", "program", case, "-", failure]))
        print("compiled %d programs (%s)" % (compiled, "; ".join(stats)))
        for s in skipped:
            print("note: %s %s does not work here (no multilib?); its programs are skipped"
                  % (" ".join(self.cc), s))
        print("%d names the generated headers lack or define as another kind are not used"
              " (tests/c-fidelity.sh lists them)" % len(self.left_out))
        return lines, skipped

    def works(self, mflag):
        for lang in ("c", "c++"):
            p = subprocess.run(self.cc + [mflag, "-x", lang, "-fsyntax-only", "-"],
                               input="#include <stdint.h>\nint x;\n", capture_output=True, text=True)
            if p.returncode != 0:
                return False
        return True


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: tests/c-any-order.py SRCDIR\n")
        return 2
    srcdir = argv[1]
    start = time.process_time()
    work = tempfile.mkdtemp(prefix="c-any-order.")
    try:
        os.makedirs(os.path.join(work, "facts"))
        check = AnyOrder(srcdir, work, shlex.split(os.environ.get("CC") or "gcc"))
        lines, skipped = check.run()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    regen = bool(os.environ.get("XENIDL_REGEN"))
    if skipped and regen:
        print("FAIL: XENIDL_REGEN=1 needs every program compiled (gcc -m32 and -m64)")
        return 1
    known = c_facts.known_path(srcdir)
    if skipped:
        # The skipped programs' listed failures cannot be checked.
        keep = [l for l in c_facts.read_known(known)
                if l.startswith("compile\t") and any(" %s" % s in l for s in skipped)]
        lines = lines + keep
    status = c_facts.compare_known(known, lambda c: c == "compile", lines, regen, "c-any-order")
    print("compile failures: %d" % len([l for l in lines if l.startswith("compile\t")]))
    sys.stderr.write("c-any-order: %.1f s of CPU in Python\n" % (time.process_time() - start))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
