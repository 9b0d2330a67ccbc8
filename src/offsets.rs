//! Byte offsets (what the core works in) to character offsets (Python `str` indices).

/// Converts byte offsets of one text into character offsets, in O(1) after an O(n) table.
pub struct CharOffsets {
    /// `None` for ASCII text, where bytes and characters coincide.
    table: Option<Vec<u32>>,
    len: usize,
}

impl CharOffsets {
    /// Builds the converter for `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharOffsets {
                table: None,
                len: text.len(),
            };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut chars = 0u32;
        for (byte, ch) in text.char_indices() {
            for (k, slot) in table[byte..byte + ch.len_utf8()].iter_mut().enumerate() {
                *slot = if k == 0 { chars } else { chars + 1 };
            }
            chars += 1;
        }
        table[text.len()] = chars;
        CharOffsets {
            table: Some(table),
            len: text.len(),
        }
    }

    /// The character index of byte offset `byte` (clamped to the text).
    pub fn char_at(&self, byte: usize) -> u32 {
        let byte = byte.min(self.len);
        match &self.table {
            None => u32::try_from(byte).unwrap_or(u32::MAX),
            Some(t) => t[byte],
        }
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
