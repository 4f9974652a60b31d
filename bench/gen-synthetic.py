#!/usr/bin/env python3
"""Write a synthetic xidl file of N structs (13 fields each) plus enums and
bitmaps, for the generator benchmarks.

    gen-synthetic.py N > out.xidl

Every struct is laid out without holes, uses a mix of field types, and
refers to an enum, a bitmap and (by handle) the previous struct, so that
name resolution, layout and the backends all do real work."""
import sys


def main():
    n = int(sys.argv[1])
    out = sys.stdout
    out.write("//! Synthetic benchmark input: %d structs.\n\n" % n)
    # One enum and one bitmap per 10 structs.
    for i in range(0, n, 10):
        out.write("/// Kinds, group %d.\nenum kind%d : u32 {\n" % (i, i))
        for v in range(4):
            out.write("    /// Kind %d.\n    k%d = %d,\n" % (v, v, v))
        out.write("}\n\n")
        out.write("/// Flags, group %d.\nbitmap flags%d : u32 {\n" % (i, i))
        out.write("    /// Bit a.\n    a = 0,\n    /// Bit b.\n    b = 1,\n"
                  "    /// Field c.\n    c = 4..7,\n}\n\n")
    for i in range(n):
        g = i - i % 10
        target = "s%d" % (i - 1) if i else "u8"
        out.write("/// Structure number %d.\nstruct s%d {\n" % (i, i))
        out.write("    /// Identifier.\n    @in id: u64;\n")
        out.write("    /// Kind.\n    @in kind: kind%d;\n" % g)
        out.write("    /// Flags.\n    @in flags: flags%d;\n" % g)
        out.write("    /// Counter.\n    @inout count: u32;\n")
        out.write("    /// Sequence number.\n    @out seq: u32;\n")
        out.write("    /// Guest buffer.\n    @in buf: handle<%s>;\n" % target)
        out.write("    /// Small values.\n    @out small: u16[4];\n")
        out.write("    /// Name.\n    @in name: char[16];\n")
        out.write("    /// Signed value.\n    @out value: i64;\n")
        out.write("    /// Byte.\n    @in b: u8;\n")
        out.write("    /// Byte 2.\n    @in c: u8;\n")
        out.write("    @reserved pad0: u16;\n")
        out.write("    @reserved pad1: u32;\n")
        out.write("}\n\n")


if __name__ == "__main__":
    main()
