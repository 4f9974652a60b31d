#!/usr/bin/env python3
"""The generated C headers against the facts of Xen's (tests/data/xen-*.tsv).

    tests/c-fidelity.py SRCDIR

Measures generated/include as ci/xen-facts measured Xen's public headers
(tests/c_facts.py) and lists every difference, one line each, in these
categories:

  header-file    a generated file Xen has no header for, one that stands for
                 a Xen header of another path, or a described Xen header no
                 generated file stands for
  header-status  a header compiles in a configuration and ABI where the
                 other side's stops (an #error guard) or fails
  name-extra     a name the generated headers define where Xen's define it
                 in no configuration on that ABI
  name-missing   a name a described Xen header defines that the generated
                 headers define in no configuration on that ABI
  name-condition a name one side defines in a configuration where the other
                 defines it only in another configuration
  name-place     a name both define, in different headers
  name-kind      a name both define, as different kinds (macro, typedef,
                 enumerator, ...; a function-like macro's arity)
  ctype          the C type of an integer macro or enumerator differs
                 (tools configuration)
  config-value   the value or C type of a macro that depends on the
                 configuration differs in a configuration other than tools
  fnmacro        a function-like macro gives another value or C type on a
                 sample argument
  spelling       a member or typedef is written with another spelling of
                 the same type (a struct tag for Xen's typedef name)
  type           a member, typedef or enum has another C type
  handle         a guest handle is written with another macro or element name
  member-missing a member of a type both define that the generated type lacks
  member-extra   a member the generated type has and Xen's lacks
  string         a string macro (or an item of a string table) has another
                 text (tests/data/xen-strings.tsv; tools configuration)

Layouts are checked by corpus-layouts.sh, constant values by
corpus-constants.sh. The lines are compared with
tests/data/c-fidelity-known.tsv: a difference not listed there fails, and
so does a listed one that no longer occurs. XENIDL_REGEN=1 rewrites the
list. Exit status 0 when the list is exact, 1 otherwise.
"""

import os
import re
import shutil
import sys
import tempfile
import time

# No __pycache__ in the source tree (read-only in make distcheck).
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import c_facts  # noqa: E402

CATEGORIES = ["header-file", "header-status", "name-extra", "name-missing", "name-condition",
              "name-place", "name-kind", "ctype", "config-value", "fnmacro", "spelling", "type",
              "handle", "member-missing", "member-extra", "string"]


class Diffs:
    """Differences, grouped by their line without the where column."""

    def __init__(self):
        self.groups = {}   # (category, header, kind, name, detail) -> set of where items
        self.everywhere = {}

    def add(self, category, header, kind, name, detail, where_item, everywhere=None):
        key = (category, header, kind, name, detail)
        self.groups.setdefault(key, set()).add(where_item)
        if everywhere is not None:
            self.everywhere[key] = everywhere

    def lines(self, fmt):
        out = []
        for key, items in self.groups.items():
            category, header, kind, name, detail = key
            out.append("\t".join([category, header, kind, name, fmt(key, items), detail]))
        return out


class Check:
    def __init__(self, srcdir, work):
        self.srcdir = srcdir
        self.xf = c_facts.load_xen_facts(srcdir)
        data = os.path.join(srcdir, "tests", "data")
        self.xen = c_facts.XenFacts(self.xf, data)
        self.tree = c_facts.GeneratedTree(os.path.join(srcdir, "generated", "include"), self.xen.headers)
        self.gen = c_facts.GeneratedFacts(self.xf, self.xen, self.tree, work)
        self.abis = self.xf.ABI_NAMES
        self.configs = self.xf.CONFIGS
        self.pairs = [(c, a) for c in self.configs for a in self.abis]
        # The Xen headers idl/ describes: those a generated file stands for,
        # and those whose macros idl/ describes.
        self.described = set(self.xen.described) | {u for u in self.tree.units if u in self.xen.headers}
        self.names = Diffs()
        self.tools = Diffs()
        self.other = []

    # -- where each header compiles ---------------------------------------

    def unit_abis(self, unit):
        if unit in self.xen.headers:
            return self.xen.header_abis(unit)
        return self.xf.header_abis(unit)

    def gen_ok(self, header, config, abi):
        """Does the generated header standing for a Xen header compile there?
        A Xen header without one is judged by the generated xen.h."""
        unit = header if header in self.tree.root else "xen.h"
        if abi not in self.unit_abis(unit):
            return False
        return unit in self.gen.measured[(abi, config)].ok_units

    def xen_ok(self, header, config, abi):
        if header in self.xen.headers:
            return self.xen.compiles(header, config, abi)
        return self.xen.compiles("xen.h", config, abi)

    def comparable(self, header, config, abi):
        return self.gen_ok(header, config, abi) and self.xen_ok(header, config, abi)

    def comparable_pairs(self, headers):
        return {(c, a) for (c, a) in self.pairs for h in headers if self.comparable(h, c, a)}

    # -- files and headers -------------------------------------------------

    def check_files(self):
        tree = self.tree
        for f in tree.files:
            if f in tree.direct:
                if tree.direct[f] != f:
                    self.other.append(("header-file", f, "file", "-", "-", "stands for Xen's %s" % tree.direct[f]))
            elif f in tree.part_of:
                self.other.append(("header-file", f, "file", "-", "-",
                                   "Xen has no such header (included by %s)" % tree.part_of[f]))
            else:
                self.other.append(("header-file", f, "file", "-", "-", "Xen has no such header"))
        for h in sorted(self.described):
            if h not in tree.root:
                self.other.append(("header-file", h, "file", "-", "-", "no generated header stands for it"))

    def check_status(self):
        for unit in self.tree.units:
            groups = {}
            for c, a in self.pairs:
                if a not in self.unit_abis(unit):
                    continue
                g = self.gen_ok(unit, c, a)
                x = self.xen_ok(unit, c, a)
                if g != x:
                    xs = self.xen.status.get((unit, c, a), ("no such header",))[0]
                    detail = "generated: %s; Xen: %s" % ("compiles" if g else "#error", xs)
                    groups.setdefault(detail, set()).add((c, a))
            for detail, pairs in sorted(groups.items()):
                self.other.append(("header-status", unit, "header", "-",
                                   c_facts.where_text(pairs, self.configs, self.abis), detail))

    # -- names ---------------------------------------------------------------

    def check_names(self):
        gen_at = {}        # key -> {(c, a): set((unit, kind))}, comparable units only
        gen_all = {}       # key -> set((c, a)) where any generated header defines it
        gen_abis = {}      # key -> set(abi)
        for (a, c), m in self.gen.measured.items():
            for key, entries in m.names.items():
                gen_all.setdefault(key, set()).add((c, a))
                gen_abis.setdefault(key, set()).add(a)
                ok = {(u, k) for u, k in entries if self.comparable(u, c, a)}
                if ok:
                    gen_at.setdefault(key, {})[(c, a)] = ok
        xen_at = {}
        xen_abis = {}
        for key, rows in self.xen.names.items():
            for header, kind, per in rows:
                for c, abis in per.items():
                    for a in abis:
                        xen_at.setdefault(key, {}).setdefault((c, a), set()).add((header, kind))
                        xen_abis.setdefault(key, set()).add(a)
        d = self.names
        for key in sorted(set(gen_at) | set(xen_at)):
            ns, name = key
            g_per = gen_at.get(key, {})
            x_per = xen_at.get(key, {})
            for c, a in self.pairs:
                G = g_per.get((c, a), set())
                X = x_per.get((c, a), set())
                if G and not X:
                    units = ",".join(sorted({u for u, _ in G}))
                    kinds = ",".join(sorted({k for _, k in G}))
                    if a in xen_abis.get(key, ()):
                        d.add("name-condition", units, kinds, name,
                              "the generated headers only (Xen's in another configuration)", (c, a))
                    else:
                        d.add("name-extra", units, kinds, name, "", (c, a))
                    continue
                XD = {(h, k) for h, k in X if h in self.described and self.comparable(h, c, a)}
                if XD and (c, a) not in gen_all.get(key, ()):
                    headers = ",".join(sorted({h for h, _ in XD}))
                    kinds = ",".join(sorted({k for _, k in XD}))
                    if a in gen_abis.get(key, ()):
                        d.add("name-condition", headers, kinds, name,
                              "Xen's headers only (the generated in another configuration)", (c, a))
                    else:
                        d.add("name-missing", headers, kinds, name, "", (c, a))
                    continue
                if not G or not X:
                    continue
                gunits = sorted({u for u, _ in G})
                xheaders = sorted({h for h, _ in X})
                xkinds = ",".join(sorted({k for _, k in X}))
                if gunits != xheaders:
                    d.add("name-place", ",".join(xheaders), xkinds, name,
                          "generated in %s" % ",".join(gunits), (c, a))
                gkinds = ",".join(sorted({k for _, k in G}))
                if gkinds != xkinds:
                    d.add("name-kind", ",".join(xheaders), xkinds, name, "generated %s" % gkinds, (c, a))

    def name_lines(self):
        cache = {}

        def fmt(key, pairs):
            header = key[1]
            if header not in cache:
                cache[header] = self.comparable_pairs(header.split(","))
            return c_facts.where_text(pairs, self.configs, self.abis, cache[header])
        return self.names.lines(fmt)

    # -- probes: C types and values ------------------------------------------

    def defines_constant(self, abi, config, name):
        m = self.gen.measured[(abi, config)]
        entries = m.names.get(("ordinary", name), ())
        if any(k == "enumerator" for _, k in entries):
            return True
        return name in m.macros and m.macros[name] is None

    def defines_function(self, abi, config, name, arity):
        m = self.gen.measured[(abi, config)]
        return name in m.macros and m.macros[name] is not None and \
            self.xf.Macro("", name, m.macros[name], "").arity == arity

    def check_probes(self):
        xen = self.xen
        # Per ABI and group of configurations with the same text: what to probe.
        wanted = {}  # (abi, group) -> [expr]

        def want(abi, config, expr):
            key = (abi, self.gen.measured[(abi, config)].group)
            lst = wanted.setdefault(key, [])
            if expr not in lst:
                lst.append(expr)
            return key

        jobs = []  # (kind of check, data, key, expr)
        for (header, name), per in sorted(xen.constants.items()):
            for a, (value, ctype) in per.items():
                if self.defines_constant(a, "tools", name):
                    jobs.append(("ctype", (header, "macro", name, ctype), want(a, "tools", name), name, a))
        for (header, name), per in sorted(xen.enums.items()):
            for a, (value, ctype) in per.items():
                if self.defines_constant(a, "tools", name):
                    jobs.append(("ctype", (header, "enumerator", name, ctype), want(a, "tools", name), name, a))
        for (header, name, config), per in sorted(xen.constants_configs.items()):
            if config == "tools":
                continue
            for a, (value, ctype) in per.items():
                if self.defines_constant(a, config, name):
                    jobs.append(("config", (header, name, config, value, ctype), want(a, config, name), name, a))
        for (header, name, args), per in sorted(xen.fnmacros.items()):
            arity = str(len(args.split(", "))) if args else "0"
            expr = "%s(%s)" % (name, args)
            for a, (value, ctype) in per.items():
                if self.defines_function(a, "tools", name, arity):
                    jobs.append(("fn", (header, name, args, value, ctype), want(a, "tools", expr), expr, a))
        # An enum's type is probed in the tools configuration, and in the
        # hypervisor's for one only __XEN__ has (enum livepatch_func_state).
        enum_configs = [c for c in ("tools", "xen") if c in self.configs]
        for a in self.abis:
            for label in self.gen.enum_labels.get(a, []):
                for c in enum_configs:
                    want(a, c, "(%s)0" % label)
        results = {}
        for (a, group), exprs in wanted.items():
            config = next(c for c in self.configs if self.gen.measured[(a, c)].group == group)
            found = self.gen.probe_integers(a, config, exprs, "gen-probe")
            for i, e in enumerate(exprs):
                results[(a, group, e)] = found.get(i)
        self.enum_types = {}
        for a in self.abis:
            for label in self.gen.enum_labels.get(a, []):
                r = None
                for c in enum_configs:
                    group = self.gen.measured[(a, c)].group
                    r = r or results.get((a, group, "(%s)0" % label))
                self.enum_types[(a, label)] = r[1] if r else "not an integer"
        self.ctype_pairs = 0
        for kind, data, key, expr, a in jobs:
            r = results.get((key[0], key[1], expr))
            got_value, got_type = (r if r else (None, "not an integer constant"))
            if kind == "ctype":
                header, k, name, ctype = data
                if got_type != ctype:
                    self.ctype_pairs += 1
                    self.tools.add("ctype", header, k, name, "generated %s; Xen %s" % (got_type, ctype), a)
            elif kind == "config":
                header, name, config, value, ctype = data
                if got_type != ctype or got_value != value:
                    self.names.add("config-value", header, "macro", name, "generated %s; Xen %s" % (
                        value_text(got_value, got_type), value_text(value, ctype)), (config, a))
            else:
                header, name, args, value, ctype = data
                if got_type != ctype or got_value != value:
                    self.tools.add("fnmacro", header, "function-macro", expr, "generated %s; Xen %s" % (
                        value_text(got_value, got_type), value_text(value, ctype)), a)

    # -- spelling and members ----------------------------------------------

    def gen_type(self, abi, xen_type):
        """The generated record that stands for a Xen type: the same name,
        or the struct or union a generated typedef of that name names."""
        records = self.gen.records.get(abi, {})
        if xen_type in records:
            return xen_type
        target = self.gen.typedef_target.get(abi, {}).get(xen_type)
        if target and target in records:
            return target
        return None

    def check_spelling(self):
        xen_members = {}  # (abi, type) -> {path: header}
        for (kind, typ, member), per in self.xen.spelling.items():
            if kind == "member":
                for a, row in per.items():
                    xen_members.setdefault((a, typ), {})[member] = row[0]
        gsp = self.gen.spelling
        for (kind, typ, member), per in sorted(self.xen.spelling.items()):
            for a, (header, xwritten, xcanonical, xhandle) in sorted(per.items()):
                if kind == "member":
                    gtype = self.gen_type(a, typ)
                    if gtype is None:
                        continue
                    g = gsp.get(("member", gtype, member), {}).get(a)
                    name = "%s.%s" % (typ, member)
                    if g is None:
                        self.tools.add("member-missing", header, "member", name, "", a)
                        continue
                elif kind == "typedef":
                    g = gsp.get(("typedef", typ, ""), {}).get(a)
                    name = typ
                    if g is None:
                        continue
                elif kind == "enum":
                    gtype = self.enum_types.get((a, typ))
                    if gtype is not None and gtype != xcanonical:
                        self.tools.add("type", header, "enum", typ,
                                       "generated %s; Xen %s" % (gtype, xcanonical), a)
                    continue
                else:
                    continue
                _, gwritten, gcanonical, ghandle = g
                if xhandle or ghandle:
                    if gwritten != xwritten:
                        self.tools.add("handle", header, kind, name,
                                       "generated %s; Xen %s" % (gwritten, xwritten), a)
                elif gcanonical != xcanonical:
                    self.tools.add("type", header, kind, name, "generated %s (%s); Xen %s (%s)"
                                   % (gwritten, gcanonical, xwritten, xcanonical), a)
                elif c_tokens(gwritten) != c_tokens(xwritten):
                    self.tools.add("spelling", header, kind, name,
                                   "generated %s; Xen %s" % (gwritten, xwritten), a)
        # Members the generated types have and Xen's lack.
        for (a, typ), members in sorted(xen_members.items()):
            gtype = self.gen_type(a, typ)
            if gtype is None:
                continue
            header = sorted(set(members.values()))[0]
            for path in self.gen.records[a][gtype]:
                if path not in members:
                    self.tools.add("member-extra", header, "member", "%s.%s" % (typ, path), "", a)

    def check_strings(self):
        """The text of each string macro both define (a name the generated
        headers lack is a name-missing line already)."""
        by_abi = {}
        for (header, name, index), per in sorted(self.xen.strings.items()):
            for a, xtext in sorted(per.items()):
                if a not in self.abis:
                    continue
                if a not in by_abi:
                    by_abi[a] = self.gen.strings(a)
                gen = by_abi[a]
                if not any(n == name for n, _ in gen):
                    continue
                gtext = gen.get((name, index))
                label = name if index == "-" else "%s[%s]" % (name, index)
                if gtext != xtext:
                    self.tools.add("string", header, "macro", label, "generated %s; Xen %s"
                                   % ("none" if gtext is None else '"%s"' % gtext, '"%s"' % xtext), a)

    def tools_lines(self):
        return self.tools.lines(lambda key, abis: c_facts.abis_text(abis, self.abis))

    # -- all ------------------------------------------------------------------

    def run(self):
        self.gen.measure()
        self.check_files()
        self.check_status()
        self.check_names()
        self.check_probes()
        self.check_spelling()
        self.check_strings()
        return ["\t".join(t) for t in self.other] + self.name_lines() + self.tools_lines()


def c_tokens(spelling):
    """A spelling without the blanks C ignores around punctuation:
    `sizeof(unsigned long)` is `sizeof (unsigned long)`."""
    return re.sub(r"\s*([^\w\s])\s*", r"\1", spelling)


def value_text(value, ctype):
    if value is None:
        return ctype
    return "0x%x %s" % (value, ctype)


def summary(check, lines):
    counts = {c: 0 for c in CATEGORIES}
    names = {c: set() for c in CATEGORIES}
    for l in lines:
        f = l.split("\t")
        counts[f[0]] += 1
        names[f[0]].add((f[2], f[3]))
    parts = []
    for c in CATEGORIES:
        text = "%s %d" % (c, counts[c])
        if c == "ctype":
            text += " (%d name-ABI pairs)" % check.ctype_pairs
        parts.append(text)
    print("differences from Xen's headers: " + ", ".join(parts))


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: tests/c-fidelity.py SRCDIR\n")
        return 2
    srcdir = argv[1]
    start = time.process_time()
    work = tempfile.mkdtemp(prefix="c-fidelity.")
    try:
        check = Check(srcdir, work)
        lines = check.run()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    summary(check, lines)
    regen = bool(os.environ.get("XENIDL_REGEN"))
    status = c_facts.compare_known(c_facts.known_path(srcdir), lambda c: c != "compile",
                                   lines, regen, "c-fidelity")
    sys.stderr.write("c-fidelity: %.1f s of CPU in Python\n" % (time.process_time() - start))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
