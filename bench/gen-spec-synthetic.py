#!/usr/bin/env python3
"""Write one synthetic interface of N structs in xidl, YAML and TOML, for
the reader benchmarks (bench/spec-readers.sh).

    gen-spec-synthetic.py N DIR

writes DIR/synthetic.xidl, DIR/synthetic.yaml and DIR/synthetic.toml, which
describe the same declarations: one enum and one bitmap per ten structs, and
structs of eleven fields of every kind of type (integers, an enum, a bitmap,
a guest handle to the previous struct, arrays), laid out without holes."""
import os
import sys


def model(n):
    decls = []
    for i in range(n):
        g = i - i % 10
        if i % 10 == 0:
            decls.append(("enum", "kind%d" % g, "Kinds, group %d." % g,
                          [("k%d" % v, "Kind %d." % v, v) for v in range(4)]))
            decls.append(("bitmap", "flags%d" % g, "Flags, group %d." % g,
                          [("a", "Bit a.", 0, None), ("b", "Bit b.", 1, None),
                           ("c", "Field c.", 4, 7)]))
        target = "s%d" % (i - 1) if i else "u8"
        fields = [
            ("id", "Identifier.", "in", ("name", "u64")),
            ("kind", "Kind.", "in", ("name", "kind%d" % g)),
            ("flags", "Flags.", "in", ("name", "flags%d" % g)),
            ("count", "Counter.", "inout", ("name", "u32")),
            ("seq", "Sequence number.", "out", ("name", "u32")),
            ("buf", "Guest buffer.", "in", ("handle", target)),
            ("small", "Small values.", "out", ("array", "u16", 4)),
            ("name", "Name.", "in", ("array", "char", 16)),
            ("value", "Signed value.", "out", ("name", "i64")),
            ("b", "Byte.", "in", ("name", "u8")),
            ("c", "Byte 2.", "in", ("name", "u8")),
            ("pad", "Reserved.", None, ("array", "u8", 6)),
        ]
        decls.append(("struct", "s%d" % i, "Structure number %d." % i, fields))
    return decls


def xidl_type(t):
    if t[0] == "name":
        return t[1]
    if t[0] == "handle":
        return "handle<%s>" % t[1]
    return "%s[%d]" % (t[1], t[2])


def write_xidl(decls, out):
    out.write("//! Synthetic benchmark input.\n")
    for kind, name, doc, body in decls:
        out.write("\n/// %s\n" % doc)
        if kind == "enum":
            out.write("enum %s : u32 {\n" % name)
            for v, vdoc, value in body:
                out.write("    /// %s\n    %s = %d,\n" % (vdoc, v, value))
            out.write("}\n")
        elif kind == "bitmap":
            out.write("bitmap %s : u32 {\n" % name)
            for b, bdoc, lo, hi in body:
                rng = "%d..%d" % (lo, hi) if hi is not None else "%d" % lo
                out.write("    /// %s\n    %s = %s,\n" % (bdoc, b, rng))
            out.write("}\n")
        else:
            out.write("struct %s {\n" % name)
            for f, fdoc, direction, t in body:
                attr = "@%s " % direction if direction else "@reserved "
                out.write("    /// %s\n    %s%s: %s;\n" % (fdoc, attr, f, xidl_type(t)))
            out.write("}\n")


def yaml_type(t):
    if t[0] == "name":
        return t[1]
    if t[0] == "handle":
        return "{ptr: %s}" % t[1]
    return "{array: [%s, %d]}" % (t[1], t[2])


def write_yaml(decls, out):
    out.write("description: Synthetic benchmark input.\ndeclarations:\n")
    for kind, name, doc, body in decls:
        out.write("- %s: %s\n  description: %s\n" % (kind, name, doc))
        if kind == "enum":
            out.write("  type: u32\n  variants:\n")
            for v, vdoc, value in body:
                out.write("  - {name: %s, description: %s, value: %d}\n" % (v, vdoc, value))
        elif kind == "bitmap":
            out.write("  type: u32\n  bits:\n")
            for b, bdoc, lo, hi in body:
                last = ", last: %d" % hi if hi is not None else ""
                out.write("  - {name: %s, description: %s, shift: %d%s}\n" % (b, bdoc, lo, last))
        else:
            out.write("  fields:\n")
            for f, fdoc, direction, t in body:
                out.write("  - name: %s\n    description: %s\n" % (f, fdoc))
                out.write("    %s\n" % ("direction: %s" % direction if direction else "reserved: true"))
                out.write("    type: %s\n" % yaml_type(t))


def toml_type(t):
    if t[0] == "name":
        return '"%s"' % t[1]
    if t[0] == "handle":
        return '{ tag = "ptr", args = "%s" }' % t[1]
    return '{ tag = "array", args = ["%s", %d] }' % (t[1], t[2])


def write_toml(decls, out):
    out.write('description = "Synthetic benchmark input."\n')
    for kind, name, doc, body in decls:
        out.write('\n[[declarations]]\n%s = "%s"\ndescription = "%s"\n' % (kind, name, doc))
        if kind == "enum":
            out.write('type = "u32"\n')
            for v, vdoc, value in body:
                out.write('\n[[declarations.variants]]\nname = "%s"\ndescription = "%s"\nvalue = %d\n'
                          % (v, vdoc, value))
        elif kind == "bitmap":
            out.write('type = "u32"\n')
            for b, bdoc, lo, hi in body:
                out.write('\n[[declarations.bits]]\nname = "%s"\ndescription = "%s"\nshift = %d\n'
                          % (b, bdoc, lo))
                if hi is not None:
                    out.write("last = %d\n" % hi)
        else:
            for f, fdoc, direction, t in body:
                out.write('\n[[declarations.fields]]\nname = "%s"\ndescription = "%s"\n' % (f, fdoc))
                out.write(('direction = "%s"\n' % direction) if direction else "reserved = true\n")
                out.write("type = %s\n" % toml_type(t))


def main():
    n = int(sys.argv[1])
    outdir = sys.argv[2]
    decls = model(n)
    for ext, writer in (("xidl", write_xidl), ("yaml", write_yaml), ("toml", write_toml)):
        with open(os.path.join(outdir, "synthetic." + ext), "w") as f:
            writer(decls, f)


main()
