/// The `width` bits from bit `bit` of `bytes`, a bitfield's storage (bit 0
/// is the least significant bit of the first byte), as an unsigned integer.
#[doc(hidden)]
pub fn bits_get(bytes: &[u8], bit: u32, width: u32) -> u64 {
    let mut value = 0u64;
    for i in 0..width {
        let at = bit + i;
        if (bytes[(at / 8) as usize] >> (at % 8)) & 1 != 0 {
            value |= 1 << i;
        }
    }
    value
}

/// The same bits as a signed integer (the top one is the sign).
#[doc(hidden)]
pub fn bits_get_signed(bytes: &[u8], bit: u32, width: u32) -> i64 {
    let shift = 64 - width;
    ((bits_get(bytes, bit, width) << shift) as i64) >> shift
}

/// Stores the low `width` bits of `value` at bit `bit` of `bytes`; the
/// other bits of `value` are dropped, as C drops them.
#[doc(hidden)]
pub fn bits_set(bytes: &mut [u8], bit: u32, width: u32, value: u64) {
    for i in 0..width {
        let at = bit + i;
        let mask = 1u8 << (at % 8);
        if (value >> i) & 1 != 0 {
            bytes[(at / 8) as usize] |= mask;
        } else {
            bytes[(at / 8) as usize] &= !mask;
        }
    }
}
