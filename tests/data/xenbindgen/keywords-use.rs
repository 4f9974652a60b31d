/// The fields named like keywords, as Rust code reaches them (compiled by
/// tests/xbg-build.sh with the keywords case).
pub fn keywords() -> xen::GnttabKeywords {
    xen::GnttabKeywords {
        r#ref: 1,
        r#type: 2,
        r#match: 3,
        self_: 4,
        op: xen::GnttabOp::Self_,
        flags: xen::GnttabFlags::Self_,
        pad: 0,
    }
}
