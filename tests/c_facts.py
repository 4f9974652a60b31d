"""Facts of the generated C headers, measured as ci/xen-facts measures Xen's.

Shared by tests/c-fidelity.py and tests/c-any-order.py. The facts of Xen's
public headers are the tables of tests/data (tests/data/README.md); this
module reads them, maps each generated header to the Xen header it stands
for, and measures the same facts of generated/include with ci/xen-facts'
own code (its preprocessor, AST and probe functions), so that both sides
are measured alike:

- names: every name each generated header defines, per ABI and
  configuration (guest, guest-latest, tools, xen), from clang -E -dD and
  the JSON AST;
- spelling: the type of each member and typedef as the header writes it,
  and canonical (tools configuration);
- C types (and values) of names and sampled function-like macros, from
  constant expressions compiled to LLVM IR.

A configuration whose preprocessed text is the same as another's on an ABI
shares its AST and probes, so headers without conditions cost one AST per
ABI. The known differences (tests/data/c-fidelity-known.tsv) are read and
written here too.
"""

import fcntl
import hashlib
import importlib.machinery
import importlib.util
import os
import re
import tempfile

# --------------------------------------------------------------------------
# ci/xen-facts, loaded as a module

def load_xen_facts(srcdir):
    path = os.path.join(srcdir, "ci", "xen-facts")
    loader = importlib.machinery.SourceFileLoader("xen_facts", path)
    spec = importlib.util.spec_from_loader("xen_facts", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


# --------------------------------------------------------------------------
# Tables of tests/data

def read_tsv(path):
    """Rows of a facts table: comment lines and the column header skipped."""
    rows = []
    header_seen = False
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            rows.append(line.split("\t"))
    return rows


def read_list(path):
    with open(path) as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


class XenFacts:
    """The tables of tests/data: what Xen's public headers define."""

    def __init__(self, xf, data):
        self.xf = xf
        self.abis = xf.ABI_NAMES
        self.configs = xf.CONFIGS
        # header status: (header, config, abi) -> (status, prereqs)
        self.status = {}
        for h, config, abis, status, prereqs in read_tsv(os.path.join(data, "xen-headers.tsv")):
            for a in abis.split(","):
                self.status[(h, config, a)] = (status, prereqs)
        self.headers = sorted({k[0] for k in self.status})
        # names: (namespace, name) -> [(header, kind, {config: set(abis)})]
        self.names = {}
        for row in read_tsv(os.path.join(data, "xen-names.tsv")):
            header, kind, name, arity = row[:4]
            if kind == "undef":
                continue
            per = {}
            for config, abis in zip(self.configs, row[4:]):
                if abis != "-":
                    per[config] = set(abis.split(","))
            self.names.setdefault((namespace(kind), name), []).append((header, kind_text(kind, arity), per))
        # integer macros, tools view: (header, name) -> {abi: (value, ctype)}
        self.constants = {}
        for header, name, abis, value, ctype in read_tsv(os.path.join(data, "xen-constants.tsv")):
            for a in abis.split(","):
                self.constants.setdefault((header, name), {})[a] = (int(value, 16), ctype)
        # per configuration: (header, name, config) -> {abi: (value, ctype)}
        self.constants_configs = {}
        for header, name, config, abis, value, ctype in read_tsv(os.path.join(data, "xen-constants-configs.tsv")):
            for a in abis.split(","):
                self.constants_configs.setdefault((header, name, config), {})[a] = (int(value, 16), ctype)
        self.enums = {}
        for header, enum, name, abis, value, ctype in read_tsv(os.path.join(data, "xen-enums.tsv")):
            for a in abis.split(","):
                self.enums.setdefault((header, name), {})[a] = (int(value, 16), ctype)
        # function-like macros: (header, name, args) -> {abi: (value, ctype)}
        self.fnmacros = {}
        for header, name, args, abis, value, ctype in read_tsv(os.path.join(data, "xen-fnmacros.tsv")):
            for a in abis.split(","):
                self.fnmacros.setdefault((header, name, args), {})[a] = (int(value, 16), ctype)
        # string macros: (header, name, index) -> {abi: text} (index "-" for a string,
        # 0.. for the items of a string table); the text as the table escapes it
        self.strings = {}
        path = os.path.join(data, "xen-strings.tsv")
        for header, name, index, abis, value in (read_tsv(path) if os.path.exists(path) else ()):
            for a in abis.split(","):
                self.strings.setdefault((header, name, index), {})[a] = value
        # spelling: (kind, type, member) -> {abi: (header, spelling, canonical, handle)}
        self.spelling = {}
        for header, kind, typ, member, abis, spelling, canonical, handle in \
                read_tsv(os.path.join(data, "xen-spelling.tsv")):
            for a in abis.split(","):
                self.spelling.setdefault((kind, typ, member), {})[a] = (header, spelling, canonical, handle)
        self.described = read_list(os.path.join(data, "xen-constants-described.txt"))
        self.latest = None
        with open(os.path.join(data, "xen-names.tsv")) as f:
            m = re.search(r"__XEN_INTERFACE_VERSION__=(0x[0-9a-fA-F]+)", f.read())
            if m:
                self.latest = m.group(1)

    def compiles(self, header, config, abi):
        st = self.status.get((header, config, abi))
        return st is not None and st[0] == "ok"

    def header_abis(self, header):
        if not hasattr(self, "_header_abis"):
            per = {}
            for (h, _, a) in self.status:
                per.setdefault(h, set()).add(a)
            self._header_abis = {h: [a for a in self.abis if a in s] for h, s in per.items()}
        return self._header_abis.get(header, [])


TAG_KINDS = ("struct", "union", "enum", "struct-declaration", "union-declaration")


def namespace(kind):
    """C's name spaces that can clash: tags, and everything else (a macro
    and an enumerator or typedef of the same name do)."""
    return "tag" if kind in TAG_KINDS else "ordinary"


def kind_text(kind, arity):
    return "%s(%s)" % (kind, arity) if kind == "function-macro" else kind


# --------------------------------------------------------------------------
# The generated headers and the Xen headers they stand for

def quoted_includes(path):
    out = []
    with open(path) as f:
        for line in f:
            m = re.match(r'^\s*#\s*include\s*"([^"]*)"', line)
            if m:
                out.append(m.group(1))
    return out


class GeneratedTree:
    """generated/include and the Xen header of each file (its unit).

    A file keeps its path where Xen has the same header; arch-X/xen.h
    stands for Xen's arch-X.h where Xen keeps that header beside the
    directory (as ci/xen-tree-check maps them); a file Xen has no
    counterpart for is part of the unit of the first file that includes
    it (arch-x86/domctl.h of domctl.h).
    """

    def __init__(self, inc, xen_headers):
        self.inc = os.path.realpath(inc)
        self.files = sorted(os.path.relpath(os.path.join(d, f), self.inc)
                            for d, _, fs in os.walk(self.inc) for f in fs if f.endswith(".h"))
        xen = set(xen_headers)
        self.direct = {}  # file -> Xen header, for files that stand for one
        for f in self.files:
            if f in xen:
                self.direct[f] = f
            else:
                m = re.match(r"^(arch-[^/]+)/xen\.h$", f)
                if m and m.group(1) + ".h" in xen:
                    self.direct[f] = m.group(1) + ".h"
        includers = {}
        for f in self.files:
            here = os.path.dirname(f)
            for inc_name in quoted_includes(os.path.join(self.inc, f)):
                target = os.path.normpath(os.path.join(here, inc_name))
                includers.setdefault(target, []).append(f)
        self.unit = {}
        self.part_of = {}  # file without counterpart -> the file it is part of

        def unit_of(f, seen):
            if f in self.direct:
                return self.direct[f]
            if f in seen or f not in includers:
                return f
            first = sorted(includers[f])[0]
            self.part_of[f] = first
            return unit_of(first, seen | {f})

        for f in self.files:
            self.unit[f] = unit_of(f, set())
        # The file each unit is included by (its root): unit -> file.
        self.root = {}
        for f in self.files:
            if f in self.direct or f not in self.part_of:
                self.root.setdefault(self.unit[f], f)
        self.units = sorted(self.root)

    def rel(self, path):
        """The generated file of a path, or None (system headers)."""
        if not path or path.startswith("<"):
            return None
        real = os.path.realpath(path)
        if not real.startswith(self.inc + os.sep):
            return None
        return os.path.relpath(real, self.inc)


# --------------------------------------------------------------------------
# Measuring the generated headers

# Candidate integer types of a _Generic probe; index 0 means none of them.
GENERIC_TYPES = ["char", "signed char", "unsigned char", "short", "unsigned short", "int",
                 "unsigned int", "long", "unsigned long", "long long", "unsigned long long", "_Bool"]


def generic_type_expr(expr):
    return "_Generic((%s), %s, default: 0)" % (
        expr, ", ".join("%s: %d" % (t, i + 1) for i, t in enumerate(GENERIC_TYPES)))


def generic_type_name(index):
    return GENERIC_TYPES[index - 1] if index else "not an integer"


class Measured:
    """What the generated headers define on one ABI in one configuration."""

    def __init__(self):
        self.ok_units = set()      # units whose headers compile (no #error fired)
        self.error_units = set()   # units whose header meets an #error
        self.names = {}            # (namespace, name) -> set((unit, kind))
        self.macros = {}           # name -> params (None: object-like) of the visible macros
        self.group = None          # key shared by configurations with the same text


class GeneratedFacts:
    """Names, spelling and probed types of generated/include."""

    def __init__(self, xf, xen, tree, work, abis=None, configs=None):
        self.xf = xf
        self.xen = xen
        self.tree = tree
        self.abis = abis or list(xf.ABI_NAMES)
        self.configs = configs or list(xf.CONFIGS)
        ftree = xf.Tree.__new__(xf.Tree)
        ftree.src = tree.inc
        ftree.public = tree.inc
        ftree.headers = list(tree.files)
        ftree.commit = "generated"
        ftree._text = {}
        self.ftree = ftree
        self.cc = xf.Compiler(ftree, work)
        self.cc.latest = xen.latest or "0x00000000"
        self.measured = {}   # (abi, config) -> Measured
        self.groups = {}     # (abi, group key) -> {"configs": [...], "text": program, "decl_names": ...}
        self.spelling = {}   # (kind, type, member) -> {abi: (unit, spelling, canonical, handle)}
        self.records = {}    # abi -> {type: [member paths]}
        self.typedef_target = {}  # abi -> {typedef: canonical}
        self.enum_labels = {}     # abi -> [labels]

    # -- which files to include ------------------------------------------

    def roots(self, abi, skip_units):
        """Files to include on an ABI: xen.h first, then each unit's root
        in the order of Xen's header paths; units of other architectures
        and those skipped left out."""
        out = []
        for unit in self.tree.units:
            if unit in skip_units:
                continue
            xen_abis = self.xen.header_abis(unit) if unit in self.xen.headers else self.xf.header_abis(unit)
            if abi not in xen_abis:
                continue
            out.append(self.tree.root[unit])
        # A part that Xen's header only reaches through another
        # (arch-x86/hvm/save.h needs hvm/save.h first) comes after the rest.
        out.sort(key=lambda f: (f != "xen.h", self.needs_unit(self.tree.unit[f], abi),
                                self.tree.unit[f]))
        return out

    def needs_unit(self, unit, abi):
        """Whether Xen's header of a unit needs another header of the tree
        included first on an ABI (xen-headers.tsv's prereqs)."""
        for (h, _, a), (_, prereqs) in self.xen.status.items():
            if h == unit and a == abi and any(p in self.tree.root for p in prereqs.split(",")
                                               if p not in ("-", "xen.h")):
                return True
        return False

    def program(self, files):
        return "#include <stdint.h>\n" + "".join('#include "%s"\n' % f for f in files)

    # -- preprocessing -----------------------------------------------------

    def preprocess(self, abi, config):
        """-E -dD of the generated headers. A unit whose header meets an
        #error (its own or one of a header it includes) is left out, as a
        header that does not compile defines nothing."""
        skip = set()
        while True:
            roots = self.roots(abi, skip)
            text = self.program(roots)
            path = self.cc.new_file("gen-macros", text)
            rc, out, err = self.cc.run(self.cc.clang_cmd(abi, config, ["-E", "-dD", path]))
            if rc == 0:
                return text, out, skip
            fired = set()
            stack = []
            for line in err.splitlines():
                inc = re.match(r"^In file included from (.*?):(\d+):$", line)
                if inc:
                    stack.append(inc.group(1))
                    continue
                m = re.match(r"^(.*?):(\d+):\d+: (?:fatal )?error: (.*)$", line)
                if not m:
                    continue
                where, stack = stack + [m.group(1)], []
                rel = self.tree.rel(m.group(1))
                # The header the program included: the file below the
                # program in the include stack.
                root = self.tree.rel(where[1]) if len(where) > 1 else None
                if rel is None or root is None or root not in roots:
                    continue
                with open(os.path.join(self.tree.inc, rel), "rb") as f:
                    src = f.read().split(b"\n")
                n = int(m.group(2))
                if n <= len(src) and re.match(rb"^\s*#\s*error\b", src[n - 1]):
                    fired.add(self.tree.unit[root])
            if not fired or fired <= skip:
                raise RuntimeError("the generated headers do not preprocess on %s (%s):\n%s"
                                   % (abi, config, err[:3000]))
            skip |= fired

    def measure(self):
        # The tools configuration first: the spelling of a type is the one
        # of the first configuration that has it, and ci/xen-facts spells
        # Xen's types as the toolstack sees them (a guest of interface 0
        # sees x86's handles as plain pointers).
        configs = sorted(self.configs, key=lambda c: c != "tools")
        for abi in self.abis:
            for config in configs:
                self.measure_one(abi, config)

    def measure_one(self, abi, config):
        """Names of one ABI and configuration. A name counts for the unit of
        the file that defines it; a file Xen has no counterpart for counts
        for the unit of the header that first includes it here."""
        text, out, skip = self.preprocess(abi, config)
        m = Measured()
        m.error_units = skip
        m.ok_units = {u for u in self.tree.units if u not in skip}
        events = []
        tokens = []
        stack = []        # generated files being read, innermost last
        file_unit = {}    # generated file -> unit, in this translation unit
        for line in out.split("\n"):
            lm = re.match(r'^# (\d+) "(.*)"((?: \d)*)$', line)
            if lm:
                rel = self.tree.rel(lm.group(2))
                flags = lm.group(3).split()
                if "1" in flags:
                    stack.append(rel)
                elif "2" in flags and stack:
                    stack.pop()
                if rel is not None and rel not in file_unit:
                    outer = [f for f in stack if f is not None and f in self.tree.direct]
                    file_unit[rel] = self.tree.direct.get(rel) or (
                        self.tree.direct[outer[-1]] if outer else self.tree.unit[rel])
                # Only markers of the generated headers are part of the
                # text: the program's name changes from run to run, and
                # <built-in> counts the command line's definitions.
                if rel is not None:
                    tokens.append(line)
                continue
            current = stack[-1] if stack else None
            dm = re.match(r"^#define ([A-Za-z_]\w*)(\(([^)]*)\))?(?:\s(.*))?$", line)
            if dm:
                if current is not None:
                    events.append(("define", current, dm.group(1), dm.group(3) if dm.group(2) else None))
                    tokens.append(line)
                continue
            um = re.match(r"^#undef ([A-Za-z_]\w*)", line)
            if um:
                if current is not None:
                    events.append(("undef", current, um.group(1), None))
                    tokens.append(line)
                continue
            tokens.append(line)
        for op, f, name, params in events:
            if op == "define":
                macro = self.xf.Macro(f, name, params, "")
                kind = "macro" if params is None else kind_text("function-macro", macro.arity)
                m.names.setdefault(("ordinary", name), set()).add((file_unit[f], kind))
                m.macros[name] = params
            else:
                m.macros.pop(name, None)
        key = hashlib.sha1("\n".join(tokens).encode()).hexdigest()
        m.group = key
        group = self.groups.get((abi, key))
        if group is None:
            group = {"configs": [], "text": text,
                     "decl_names": self.ast_names(abi, config, text, file_unit)}
            self.groups[(abi, key)] = group
        group["configs"].append(config)
        for ns_name, entries in group["decl_names"].items():
            m.names.setdefault(ns_name, set()).update(entries)
        self.measured[(abi, config)] = m

    # -- string macros -----------------------------------------------------

    def strings(self, abi):
        """{(name, index): text} of the string macros of the generated
        headers on an ABI (tools configuration), measured as ci/xen-facts
        measures Xen's, the text escaped as xen-strings.tsv writes it."""
        xf = self.xf
        text, _, _ = self.preprocess(abi, "tools")
        macros = xf.visible_macros(xf.preprocess_macros(self.cc, abi, "tools", text))
        objects = sorted((m for m in macros.values() if m.params is None and m.body),
                         key=lambda m: m.name)
        out = {"strings": {}}
        xf.measure_strings(self.cc, abi, "tools", text, objects, out)
        return {(name, index): xf.tsv_text(v) for (_, name, index), v in out["strings"].items()}

    # -- the AST -----------------------------------------------------------

    def ast_names(self, abi, config, text, file_unit):
        """Declared names from the AST; the spelling of its types too (the
        first configuration measured on the ABI that has a type: tools,
        then the others)."""
        xf = self.xf
        root = xf.dump_ast(self.cc, abi, config, text, "gen-ast")
        decls = xf.Decls(self.ftree, root)
        del root
        names = {}
        for f, kind, name in decls.names:
            names.setdefault((namespace(kind), name), set()).add((file_unit[f], kind))
        for f, kind, name in decls.incomplete:
            k = kind + "-declaration"
            names.setdefault((namespace(k), name), set()).add((file_unit[f], k))
        self.add_spelling(abi, decls, file_unit)
        return names

    def add_spelling(self, abi, decls, file_unit):
        xf = self.xf
        sp = self.spelling
        records = self.records.setdefault(abi, {})
        targets = self.typedef_target.setdefault(abi, {})
        labels = self.enum_labels.setdefault(abi, [])
        for r in decls.records:
            if r.type in records:
                continue
            unit = file_unit[r.header]
            records[r.type] = [m.path for m in r.members]
            for mem in r.members:
                written, canonical, handle = self.spell(decls, mem.node)
                if mem.bitfield:
                    written += ":%d" % mem.width
                    canonical += ":%d" % mem.width
                sp.setdefault(("member", r.type, mem.path), {})[abi] = (unit, written, canonical, handle)
        for header, name, node in decls.typedefs:
            if name in targets:
                continue
            unit = file_unit[header]
            if name in decls.types.anon_typedef:
                written = canonical = decls.types.anon_typedef[name] + " {...}"
                handle = ""
            else:
                written, canonical, handle = self.spell(decls, node)
            targets[name] = canonical
            sp.setdefault(("typedef", name, ""), {})[abi] = (unit, written, canonical, handle)
        for header, label, node in decls.enums:
            if label and label not in labels:
                labels.append(label)

    def spell(self, decls, node):
        """(spelling, canonical, handle) as ci/xen-facts spells Xen's, and a
        member declared with a guest handle macro as that macro and its
        argument, as the header writes them."""
        xf = self.xf
        qt = node["type"]["qualType"]
        rng = node.get("range", {})
        begin = rng.get("begin")
        if begin and "expansionLoc" in begin:
            e = begin["expansionLoc"].get("_r")
            rel = self.tree.rel(e.file) if e else None
            if rel and e.offset is not None and e.tok:
                text = self.ftree.text(rel)
                tok = text[e.offset:e.offset + e.tok].decode()
                if tok in xf.HANDLE_MACROS:
                    m = re.match(rb"\s*\(\s*([^()]*?)\s*\)", text[e.offset + e.tok:])
                    if m:
                        arg = re.sub(r"\s+", " ", m.group(1).decode())
                        return "%s(%s)" % (tok, arg), decls.types.canonical(qt), arg
        return xf.spell(self.ftree, decls.types, node, qt)

    # -- probes --------------------------------------------------------------

    def probe(self, abi, config, exprs, stem):
        """{index: value} of integer constant expressions in a configuration."""
        text = self.groups[(abi, self.measured[(abi, config)].group)]["text"]
        return self.xf.probe_values(self.cc, abi, config, text, exprs, stem, self.xf.SAMPLE_FLAGS)

    def probe_integers(self, abi, config, exprs, stem):
        """{index: (value or None, C type)} of expressions: the C type among
        GENERIC_TYPES ("not an integer" otherwise), and the value."""
        probes = []
        for e in exprs:
            probes.append(generic_type_expr(e))
            probes.append("(unsigned long long)(%s)" % e)
        vals = self.probe(abi, config, probes, stem)
        out = {}
        for i in range(len(exprs)):
            t = vals.get(2 * i)
            if t is None:
                continue
            out[i] = (vals.get(2 * i + 1) if t else None, generic_type_name(t))
        return out


# --------------------------------------------------------------------------
# The known differences

KNOWN_COLUMNS = ["category", "header", "kind", "name", "where", "detail"]
KNOWN_COMMENT = """\
# Known differences between the generated C headers (generated/include) and Xen's public headers,
# as tests/data/xen-*.tsv record them: issue 13's list of what remains to do. One line per
# difference, sorted. tests/c-fidelity.sh owns every category but compile, tests/c-any-order.sh
# owns compile; each fails on a difference not listed here and on a listed one that no longer
# occurs. XENIDL_REGEN=1 rewrites the lines of the test that runs (review the diff).
# where: CONFIGS@ABIS groups separated by ';' (* for all), or * for every configuration and ABI
# where both headers compile; ABIS alone for the tools configuration. See tests/data/README.md.
"""


def known_path(srcdir):
    return os.path.join(srcdir, "tests", "data", "c-fidelity-known.tsv")


def read_known(path):
    lines = []
    if os.path.isfile(path):
        with open(path) as f:
            for line in f:
                line = line.rstrip("\n")
                if line and not line.startswith("#") and not line.startswith("category\t"):
                    lines.append(line)
    return lines


def write_known(path, owned, lines):
    """Replace the lines of the categories a test owns (owned(category) is
    true), keeping the others; sorted, atomic, under a lock of the directory
    (the two tests may regenerate at once)."""
    dirfd = os.open(os.path.dirname(path), os.O_RDONLY)
    try:
        fcntl.flock(dirfd, fcntl.LOCK_EX)
        keep = [l for l in read_known(path) if not owned(l.split("\t", 1)[0])]
        body = sorted(set(keep) | set(lines), key=lambda s: s.encode())
        text = KNOWN_COMMENT + "\t".join(KNOWN_COLUMNS) + "\n" + "".join(l + "\n" for l in body)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".c-fidelity-known.")
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        fcntl.flock(dirfd, fcntl.LOCK_UN)
        os.close(dirfd)


def compare_known(path, owned, lines, regen, what):
    """Compare a test's differences with the list; print and return failures."""
    lines = sorted(set(lines), key=lambda s: s.encode())
    if regen:
        write_known(path, owned, lines)
        print("rewrote the %s lines of %s (%d lines)" % (what, path, len(lines)))
        return 0
    listed = {l for l in read_known(path) if owned(l.split("\t", 1)[0])}
    found = set(lines)
    new = sorted(found - listed, key=lambda s: s.encode())
    gone = sorted(listed - found, key=lambda s: s.encode())
    cap = 60
    for l in new[:cap]:
        print("FAIL: new difference: %s" % l.replace("\t", " | "))
    if len(new) > cap:
        print("FAIL: ... and %d more new differences" % (len(new) - cap))
    for l in gone[:cap]:
        print("FAIL: listed difference no longer occurs (remove it): %s" % l.replace("\t", " | "))
    if len(gone) > cap:
        print("FAIL: ... and %d more listed differences that no longer occur" % (len(gone) - cap))
    if new or gone:
        print("%d new, %d gone; XENIDL_REGEN=1 rewrites %s (review the diff)" % (len(new), len(gone), path))
        return 1
    return 0


# --------------------------------------------------------------------------
# Writing where a difference occurs

def where_text(pairs, configs, abis, everywhere=None):
    """A set of (config, abi) as CONFIGS@ABIS groups; * for everywhere."""
    if everywhere is not None and pairs == everywhere:
        return "*"
    by_config = {}
    for c, a in pairs:
        by_config.setdefault(c, set()).add(a)
    groups = {}
    for c in configs:
        if c in by_config:
            key = tuple(a for a in abis if a in by_config[c])
            groups.setdefault(key, []).append(c)
    parts = []
    for key, cs in sorted(groups.items(), key=lambda kv: configs.index(kv[1][0])):
        ctext = "*" if len(cs) == len(configs) else ",".join(cs)
        atext = "*" if len(key) == len(abis) else ",".join(key)
        parts.append("%s@%s" % (ctext, atext))
    return ";".join(parts)


def abis_text(abi_set, abis):
    if len(abi_set) == len(abis):
        return "*"
    return ",".join(a for a in abis if a in abi_set)
