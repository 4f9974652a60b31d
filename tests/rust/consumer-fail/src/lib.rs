//! A hypercall wrapper generic over the arms of the envelope's union,
//! called with a type that is no arm of it: rejected at compile time.

use xen_edge::edge::{EdgeDomctl, EdgeDomctlUArm, EdgeSubUA};

pub fn domctl<A: EdgeDomctlUArm>(arg: A) -> EdgeDomctl {
    let mut d = EdgeDomctl::default();
    d.set_u(arg);
    d
}

pub fn misuse() -> EdgeDomctl {
    domctl(EdgeSubUA::default())
}
