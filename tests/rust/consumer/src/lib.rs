//! Uses the crate generated from tests/rust/data/edge the way a
//! toolstack would: a safe hypercall wrapper over the envelope's tagged
//! union, checks of what comes back, and the enum and bitmap newtypes.

use xen_edge::edge::{EdgeDomctl, EdgeDomctlUArm};
use xen_edge::Direction;

/// Builds the envelope of a hypercall. The arm trait ties each argument
/// type to its `cmd`, so a wrong argument does not compile, and the
/// argument is checked before it would be sent.
pub fn domctl<A: EdgeDomctlUArm>(domain: u16, arg: A) -> Result<EdgeDomctl, xen_edge::CheckError> {
    let mut d = EdgeDomctl::default();
    d.interface_version = EdgeDomctl::VERSION;
    d.domain = domain;
    d.set_u(arg);
    d.check(Direction::In)?;
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use xen_edge::edge::*;
    use xen_edge::hvm::params::HvmParamIndex;
    use xen_edge::CheckErrorKind;

    #[test]
    fn the_arm_type_sets_the_tag() {
        let mut create = EdgeCreatedomain::default();
        create.max_vcpus = 4;
        create.flags = EdgeWide::LOW | EdgeWide::HIGH;
        let d = domctl(7, create).unwrap();
        assert_eq!(d.cmd, EdgeOp::CREATEDOMAIN);
        assert_eq!(
            <EdgeCreatedomain as EdgeDomctlUArm>::TAG,
            EdgeOp::CREATEDOMAIN
        );
        assert_eq!(d.u_as::<EdgeCreatedomain>().unwrap().max_vcpus, 4);
        assert!(d.u_as::<EdgeDestroydomain>().is_none());
        assert!(d.u.createdomain(d.cmd).is_some());
        assert!(d.u.destroydomain(d.cmd).is_none());
        assert_eq!(d.interface_version, 0x12);
    }

    #[test]
    fn a_bad_argument_is_caught_before_the_call() {
        let mut create = EdgeCreatedomain::default();
        create.params.index = HvmParamIndex(99);
        let e = domctl(1, create).unwrap_err();
        assert_eq!(e.kind, CheckErrorKind::UnknownValue);
        assert_eq!((e.ty, e.field), ("hvm_param", "index"));
        // The offset is from the start of the envelope.
        let at =
            core::mem::offset_of!(EdgeDomctl, u) + core::mem::offset_of!(EdgeCreatedomain, params);
        assert_eq!(e.offset, at);
    }

    #[test]
    fn replies_keep_unknown_values() {
        // What Xen writes back may be newer than this crate: it stays
        // representable, and check() says what is unknown.
        let mut d = EdgeDomctl::default();
        d.cmd = EdgeOp(77);
        assert!(!d.cmd.is_known());
        assert_eq!(EdgeOpKind::try_from(d.cmd), Err(EdgeOp(77)));
        let e = d.check(Direction::Out).unwrap_err();
        assert_eq!((e.kind, e.value), (CheckErrorKind::BadTag, 77));
        assert_eq!(
            d.check(Direction::In).unwrap_err().kind,
            CheckErrorKind::UnknownValue
        );
    }

    #[test]
    fn match_on_the_plain_enum() {
        let name = match EdgeOpKind::try_from(EdgeOp::SET_TARGET) {
            Ok(EdgeOpKind::SetTarget) => "set_target",
            Ok(_) => "other",
            Err(_) => "unknown",
        };
        assert_eq!(name, "set_target");
        assert_eq!(EdgeOp::SET_TARGET.name(), Some("SET_TARGET"));
    }

    #[test]
    fn bitmaps() {
        let mut w = EdgeWide::LOW.with_mid(0x1234);
        assert_eq!(w.mid(), 0x1234);
        assert!(w.contains(EdgeWide::LOW));
        w.set_mid(0);
        w |= EdgeWide::HIGH;
        assert_eq!(w, EdgeWide::LOW | EdgeWide::HIGH);
        assert_eq!(format!("{:?}", w), "EdgeWide(LOW | HIGH)");
        let odd = EdgeWide(1 << 5) | EdgeWide::LOW.with_mid(2);
        assert_eq!(format!("{:?}", odd), "EdgeWide(LOW | MID=2 | 0x20)");
        assert_eq!(odd.unknown_bits(), 1 << 5);
        assert_eq!(odd & !EdgeWide::LOW, EdgeWide(1 << 5).with_mid(2));
        assert_eq!(EdgeKeywords::TYPE | EdgeKeywords::SELF, EdgeKeywords(3));
        assert_eq!(EdgeKeywords::EMPTY.with_fn(3).r#fn(), 3);
        assert_eq!(EdgeFull(0xff).check(), Ok(()));
    }

    #[test]
    fn debug_of_enums() {
        assert_eq!(format!("{:?}", EdgeOp::MAX_CPUS), "EdgeOp::MAX_CPUS");
        assert_eq!(format!("{:?}", EdgeOp(0)), "EdgeOp(0)");
        assert_eq!(
            format!("{:?}", EdgeSigned::MINUS_ONE),
            "EdgeSigned::MINUS_ONE"
        );
    }

    #[test]
    fn integer_tags_and_default_arms() {
        let mut s = EdgeSub::default();
        s.sub = EDGE_SUB_B;
        s.u = EdgeSubU::from_b(5);
        assert_eq!(s.u.b(3).copied(), Some(5));
        assert_eq!(s.u.b(s.sub).copied(), Some(5));
        assert!(s.u.other(s.sub).is_none());
        assert!(s.u.other(9).is_some());
        assert_eq!(EdgeSubU::selected(9), Some(2));
        assert_eq!(s.check(Direction::Both), Ok(()));
        let mut a = EdgeSubUA::default();
        a.x = EdgeSigned(5);
        s.set_u(a);
        assert_eq!(s.sub, EDGE_SUB_A);
        let e = s.check(Direction::Both).unwrap_err();
        assert_eq!((e.ty, e.field, e.offset), ("edge_sub.u.a", "x", 8));
    }

    #[test]
    fn handles() {
        let buf = [0u8; 4];
        let h = xen_edge::GuestHandle64::from_ptr(buf.as_ptr());
        assert_eq!(h.addr(), buf.as_ptr() as u64);
        assert!(!h.is_null());
        assert!(xen_edge::GuestHandle64::<u8>::default().is_null());
        assert_eq!(core::mem::size_of_val(&h), 8);
        assert_eq!(core::mem::align_of_val(&h), 8);
    }

    #[test]
    fn legacy_types_are_per_target() {
        let mut l = EdgeLegacy::default();
        l.b = 5u64.into();
        l.word = 1;
        assert_eq!(l.b.0, 5);
        assert_eq!(core::mem::offset_of!(EdgeLegacy, b), 8);
    }

    #[test]
    fn pointers_are_pointer_sized_plain_data() {
        fn plain<T: Copy + Default + Send + Sync>() {}
        plain::<EdgePointers>();
        let byte = 7u8;
        let p = EdgePointers {
            bytes: &byte as *const u8 as usize,
            ..Default::default()
        };
        assert_eq!(core::mem::size_of_val(&p.v), core::mem::size_of::<*const u8>());
        assert_eq!(core::mem::offset_of!(EdgePointers, flags), 2 * core::mem::size_of::<usize>());
        assert_eq!(unsafe { *(p.bytes as *const u8) }, 7);
    }

    #[test]
    fn errors_display() {
        let mut d = EdgeDestroydomain::default();
        d.domain = 1;
        let mut a = EdgeArrays::default();
        a.items[1] = d;
        assert_eq!(a.check(Direction::Both), Ok(()));
        a.kinds[2] = EdgeSigned(3);
        let e = a.check(Direction::Both).unwrap_err();
        assert_eq!(
            e.to_string(),
            "edge_arrays.kinds (offset 18): undeclared value (0x3)"
        );
    }

    #[test]
    fn arrays_of_inline_structs() {
        let mut a = EdgeInlineArray::default();
        a.count = 2;
        a.entries[1].kind = EdgeSigned(9);
        let e = a.check(Direction::In).unwrap_err();
        assert_eq!((e.ty, e.field), ("edge_inline_array.entries", "kind"));
        assert_eq!(e.offset, 8 + 8 + 4);
    }

    #[test]
    fn fields_named_like_keywords() {
        // Raw identifiers, and a trailing '_' for the names Rust cannot
        // write raw (self, Self, super, crate); a type named self is Self_.
        let mut create = EdgeCreatedomain::default();
        create.r#type = 1;
        create.self_ = 2;
        create.r#ref = 3;
        create.r#match = 4;
        assert_eq!(create.r#type + create.self_ + create.r#ref + create.r#match, 10);
        let s = Self_ {
            r#ref: 1,
            crate_: 2,
            super_: 3,
            Self_: 4,
        };
        assert_eq!(s.check(Direction::Both), Ok(()));
        assert_eq!(core::mem::offset_of!(Self_, Self_), 12);
    }

    #[test]
    fn structs_with_reserved_fields_are_built_without_literals() {
        // new() takes the public fields in order (a MixedCase one too),
        // and is const; with_FIELD() sets one; the reserved stay zero.
        const D: EdgeDestroydomain = EdgeDestroydomain::new(7, 9);
        assert_eq!((D.domain, D.MixedCase), (7, 9));
        assert_eq!(D.check(Direction::Both), Ok(()));
        let d = EdgeDestroydomain::default().with_MixedCase(3).with_domain(1);
        assert_eq!(d, EdgeDestroydomain::new(1, 3));
        let create = EdgeCreatedomain::default()
            .with_max_vcpus(4)
            .with_type(1)
            .with_self(2)
            .with_ref(3)
            .with_match(4);
        assert_eq!(
            (create.max_vcpus, create.r#type, create.self_, create.r#ref, create.r#match),
            (4, 1, 2, 3, 4)
        );
        assert_eq!(create.check(Direction::In), Ok(()));
    }

    #[test]
    fn flexible_arrays_are_read_from_the_bytes_after_the_struct() {
        let v = EdgeVarbuf {
            len: 3,
            ..Default::default()
        };
        let tail = [1u8, 2, 3, 4];
        assert_eq!(v.buf_elems(&tail), Some(&tail[..3]));
        assert_eq!(v.buf_elems(&tail[..2]), None);
        assert_eq!(core::mem::size_of::<EdgeVarbuf>(), 4);

        let w = EdgeWords {
            nr: 2,
            ..Default::default()
        };
        let bytes = [1u8, 0, 0, 0, 0xff, 0xff, 0, 0, 9];
        let words = w.words_elems(&bytes).unwrap();
        assert_eq!(words.len(), 2);
        assert_eq!(words.get(1), Some(0xffff));
        assert_eq!(words.get(2), None);
        assert_eq!(words.iter().collect::<Vec<u32>>(), [1, 0xffff]);
        assert!(w.words_elems(&bytes[..7]).is_none());

        let opt = EdgeOptional::opt_elems(&[7, 0, 0, 0, 0, 0, 0, 0], 1).unwrap();
        assert_eq!(opt.iter().next(), Some(7u64));
        assert!(EdgeOptional::opt_elems(&[0; 8], 2).is_none());
    }

    #[test]
    fn anonymous_union_members_are_read_and_written_by_name() {
        let mut r: EdgeRegs = xen_edge::zeroed();
        r.set_rax(0x1122_3344_5566_7788);
        assert_eq!(r.eax(), 0x5566_7788);
        assert_eq!(r.ax(), 0x7788);
        assert_eq!((r.al(), r.ah()), (0x88, 0x77));
        r.set_ah(0xff);
        assert_eq!(r.rax(), 0x1122_3344_5566_ff88);
        assert_eq!(core::mem::offset_of!(EdgeRegs, flags), 8);
    }
}
