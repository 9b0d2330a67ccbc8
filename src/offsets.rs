//! Byte offsets (what the core works in) to character offsets (Python `str` indices).

/// Converts byte offsets of one text into character offsets: a count of the bytes that
/// start a character, from a checkpoint every [`STRIDE`] bytes (a table of 1/64th of the
/// text's size, instead of one entry per byte).
pub struct CharOffsets<'a> {
    bytes: &'a [u8],
    /// Characters before each multiple of `STRIDE`, then the text's total; empty for
    /// ASCII text, where bytes and characters coincide.
    checkpoints: Vec<u32>,
}

/// Bytes between two checkpoints.
const STRIDE: usize = 256;

/// True for a byte that starts a character (not a UTF-8 continuation byte).
fn starts_char(b: &u8) -> bool {
    (b & 0xC0) != 0x80
}

impl<'a> CharOffsets<'a> {
    /// Builds the converter for `text`.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return CharOffsets {
                bytes,
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 2);
        let mut chars = 0u32;
        for block in bytes.chunks(STRIDE) {
            checkpoints.push(chars);
            chars += block.iter().filter(|b| starts_char(b)).count() as u32;
        }
        checkpoints.push(chars);
        CharOffsets { bytes, checkpoints }
    }

    /// The character index of byte offset `byte` (clamped to the text). A byte inside a
    /// character maps to the index after it.
    pub fn char_at(&self, byte: usize) -> u32 {
        let byte = byte.min(self.bytes.len());
        if self.checkpoints.is_empty() {
            return u32::try_from(byte).unwrap_or(u32::MAX);
        }
        let block = byte / STRIDE;
        let within = &self.bytes[block * STRIDE..byte];
        self.checkpoints[block] + within.iter().filter(|b| starts_char(b)).count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::CharOffsets;

    #[test]
    fn ascii_is_identity() {
        let o = CharOffsets::new("abc");
        assert_eq!((o.char_at(0), o.char_at(3), o.char_at(99)), (0, 3, 3));
    }

    /// The character index of every byte offset, the slow way.
    fn reference(text: &str, byte: usize) -> u32 {
        let mut chars = 0;
        for (b, ch) in text.char_indices() {
            if byte <= b {
                return chars;
            }
            if byte < b + ch.len_utf8() {
                return chars + 1;
            }
            chars += 1;
        }
        chars
    }

    proptest::proptest! {
        #[test]
        fn every_offset_matches_counting_characters(
            text in "[a\u{e9}\u{1f642}\u{2014} ]{0,700}"
        ) {
            let o = CharOffsets::new(&text);
            for byte in 0..=text.len() + 2 {
                proptest::prop_assert_eq!(o.char_at(byte), reference(&text, byte.min(text.len())));
            }
        }
    }

    #[test]
    fn non_ascii_counts_code_points() {
        let text = "é—38 🙂 killed";
        let o = CharOffsets::new(text);
        let b = text.find("38").expect("present");
        assert_eq!(o.char_at(b), 2);
        let k = text.find("killed").expect("present");
        assert_eq!(o.char_at(k), 7);
        assert_eq!(o.char_at(text.len()) as usize, text.chars().count());
    }
}
